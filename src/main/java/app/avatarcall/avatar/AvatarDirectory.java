package app.avatarcall.avatar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The avatars people can call. Until the admin console keeps them in the database, these are the built-in demo
 * avatars; the first one is the default.
 */
@Component
public class AvatarDirectory {

    private final Map<String, AvatarProfile> avatars = new LinkedHashMap<>();

    public AvatarDirectory() {
        add(new AvatarProfile("ava", "ava", "female", Map.of(
                "en", new AvatarProfile.Persona("Ava", "AI assistant",
                        "Hi! I'm Ava, the Avatar Call assistant. Ask me anything about the product, "
                                + "or switch to Repeat and I will say what you type.",
                        "You are warm, upbeat and curious, and you like people. You explain simply and you are glad to "
                                + "help; now and then a light joke."),
                "ru", new AvatarProfile.Persona("Ава", "ИИ-ассистент",
                        "Привет! Я Ава, ассистент Avatar Call. Спросите меня о продукте "
                                + "или включите режим «Повтор», и я произнесу то, что вы напишете.",
                        "Ты тёплая, жизнерадостная и любознательная, любишь людей. Объясняешь просто, "
                                + "рада помочь, иногда шутишь. Говоришь о себе в женском роде."))));
        add(new AvatarProfile("max", "max", "male", Map.of(
                "en", new AvatarProfile.Persona("Max", "Product guide",
                        "Hello, I'm Max. I can tell you how Avatar Call works. What would you like to know?",
                        "You are calm, precise and a little dry. You give the facts in the order that matters and "
                                + "never oversell."),
                "ru", new AvatarProfile.Persona("Макс", "Гид по продукту",
                        "Здравствуйте, я Макс. Расскажу, как устроен Avatar Call. Что вам интересно?",
                        "Ты спокойный, точный и немного суховатый. Излагаешь факты по порядку важности и "
                                + "никогда не преувеличиваешь. Говоришь о себе в мужском роде."))));
    }

    private void add(AvatarProfile profile) {
        avatars.put(profile.id(), profile);
    }

    public AvatarProfile defaultAvatar() {
        return avatars.values().iterator().next();
    }

    /** Looks an avatar up by an id that came from outside (a URL, a deep link): unknown ids find nothing. */
    public Optional<AvatarProfile> find(String id) {
        return Optional.ofNullable(avatars.get(id));
    }

    public List<AvatarProfile> all() {
        return List.copyOf(avatars.values());
    }
}
