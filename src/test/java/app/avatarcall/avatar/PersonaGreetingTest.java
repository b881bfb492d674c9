package app.avatarcall.avatar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonaGreetingTest {

    private static AvatarProfile.Persona greeting(String text) {
        return new AvatarProfile.Persona("Ava", "AI assistant", text);
    }

    @Test
    void the_name_follows_the_opening_salutation() {
        assertThat(greeting("Hi! I'm Ava.").greeting("Anna")).isEqualTo("Hi, Anna! I'm Ava.");
        assertThat(greeting("Hello, I'm Max.").greeting("Anna")).isEqualTo("Hello, Anna, I'm Max.");
        assertThat(greeting("Привет! Я Ава.").greeting("Аня")).isEqualTo("Привет, Аня! Я Ава.");
        assertThat(greeting("Здравствуйте, я Макс.").greeting("Аня")).isEqualTo("Здравствуйте, Аня, я Макс.");
        assertThat(greeting("Good morning everyone! I'm Ava.").greeting("Bob")).isEqualTo("Good morning everyone, Bob! I'm Ava.");
    }

    @Test
    void a_greeting_that_opens_otherwise_gets_the_name_in_front() {
        assertThat(greeting("I am Ava and I help with Avatar Call.").greeting("Bob"))
                .isEqualTo("Bob, I am Ava and I help with Avatar Call.");
    }

    @Test
    void no_name_or_a_blank_one_leaves_the_greeting_as_it_is_and_a_name_is_cleaned_and_capped() {
        assertThat(greeting("Hi! I'm Ava.").greeting(null)).isEqualTo("Hi! I'm Ava.");
        assertThat(greeting("Hi! I'm Ava.").greeting(" \n\t ")).isEqualTo("Hi! I'm Ava.");
        assertThat(greeting("Hi! I'm Ava.").greeting("An\u0000na")).isEqualTo("Hi, Anna! I'm Ava.");
        assertThat(greeting("Hi!").greeting("x".repeat(200))).isEqualTo("Hi, " + "x".repeat(64) + "!");
        assertThat(greeting("Hi! I'm Ava.").greeting()).isEqualTo("Hi! I'm Ava.");
    }
}
