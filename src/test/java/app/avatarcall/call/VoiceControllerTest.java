package app.avatarcall.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.testing.FakeAvatarProvider;
import app.avatarcall.testing.TestBeans;
import app.avatarcall.testing.Wavs;
import app.avatarcall.voice.Transcriber;
import app.avatarcall.voice.TranscriptionFailed;
import app.avatarcall.voice.Utterance;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The page's utterance upload over real HTTP: bound to its call, checked, transcribed, sent like typed text. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "voice.max-upload=300KB")
@ActiveProfiles("test")
@Import({TestBeans.class, VoiceControllerTest.ScriptedTranscriber.class})
@ExtendWith(OutputCaptureExtension.class)
class VoiceControllerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A transcriber the test scripts; it records what it was given. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ScriptedTranscriber {
        static final List<Utterance> heard = new CopyOnWriteArrayList<>();
        static volatile Function<Utterance, String> answer = utterance -> "Who are you?";

        @Bean
        Transcriber scriptedTranscriber() {
            return utterance -> {
                heard.add(utterance);
                return answer.apply(utterance);
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    CallService calls;
    @Autowired
    VoiceMessages voice;
    @Autowired
    AvatarDirectory avatars;
    @Autowired
    FakeAvatarProvider provider;

    private final List<CallEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void reset() {
        ScriptedTranscriber.heard.clear();
        ScriptedTranscriber.answer = utterance -> "Who are you?";
    }

    private Call live(Locale locale) {
        Call call = calls.ring(avatars.defaultAvatar(), locale, UUID.randomUUID().toString());
        call.subscribe(events::add);
        calls.accept(call);
        calls.report(call, new StageReport.Ready());
        provider.last().finishSpeaking(); // the greeting
        return call;
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer post(String path, byte[] wav) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + path))
                .header("Content-Type", "audio/wav").POST(HttpRequest.BodyPublishers.ofByteArray(wav)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private Answer upload(Call call, byte[] wav) throws Exception {
        return post(voice.routeFor(call).uploadPath(), wav);
    }

    private static byte[] speech() {
        return Wavs.tone(Duration.ofMillis(1200), 16000, 300);
    }

    private List<ChatMessage> personLines() {
        return events.stream().filter(CallEvent.MessageShown.class::isInstance).map(e -> ((CallEvent.MessageShown) e).message())
                .filter(m -> m.author() == ChatMessage.Author.PERSON).toList();
    }

    @Test
    void with_a_server_transcriber_the_page_uploads_to_an_address_bound_to_its_call() {
        Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, UUID.randomUUID().toString());

        VoiceRoute route = voice.routeFor(call);

        assertThat(route.kind()).isEqualTo(VoiceRoute.Kind.SERVER);
        assertThat(route.uploadPath()).startsWith("voice/calls/" + call.id() + "/utterances?token=");
        assertThat(route.maxUtterance()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void an_utterance_is_transcribed_and_goes_into_the_chat_like_typed_text() throws Exception {
        Call call = live(Locale.ENGLISH);
        byte[] wav = speech();

        Answer answer = upload(call, wav);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("text").asString()).isEqualTo("Who are you?");
        assertThat(ScriptedTranscriber.heard).singleElement().satisfies(utterance -> {
            assertThat(utterance.wav()).isEqualTo(wav);
            assertThat(utterance.language()).isEqualTo(Locale.ENGLISH);
        });
        assertThat(personLines()).extracting(ChatMessage::text).containsExactly("Who are you?");
        assertThat(provider.last().spoken).anySatisfy(said -> assertThat(said).contains("AI avatar")); // Talk: the avatar answered it
    }

    @Test
    void without_the_calls_secret_nothing_is_heard() throws Exception {
        Call call = live(Locale.ENGLISH);

        assertThat(post("voice/calls/" + call.id() + "/utterances?token=guessed", speech()).status()).isEqualTo(404);
        assertThat(post("voice/calls/" + java.util.UUID.randomUUID() + "/utterances?token=x", speech()).status())
                .isEqualTo(404);

        assertThat(ScriptedTranscriber.heard).isEmpty();
        assertThat(personLines()).isEmpty();
    }

    @Test
    void a_call_that_is_not_live_takes_no_utterance() throws Exception {
        Call ringing = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, UUID.randomUUID().toString());

        Answer answer = upload(ringing, speech());

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().path("message").asString()).isEqualTo("The call is not connected, so the message was not sent.");
        assertThat(ScriptedTranscriber.heard).isEmpty();
    }

    @Test
    void too_big_too_long_or_not_audio_is_refused_in_the_calls_language_before_any_transcription() throws Exception {
        Call call = live(Locale.forLanguageTag("ru"));

        Answer big = upload(call, Wavs.tone(Duration.ofSeconds(10), 16000, 300)); // 320 KB > 300 KB
        Answer tooLong = upload(call, Wavs.tone(Duration.ofSeconds(31), 4000, 300)); // 248 KB, but 31 s
        Answer noise = upload(call, "definitely not a wav file".getBytes(StandardCharsets.UTF_8));

        assertThat(big.status()).isEqualTo(413);
        assertThat(big.body().path("message").asString()).isEqualTo("Слишком долго: говорите не дольше 30 с за раз.");
        assertThat(tooLong.status()).isEqualTo(413);
        assertThat(noise.status()).isEqualTo(400);
        assertThat(noise.body().path("error").asString()).isEqualTo("bad-audio");
        assertThat(noise.body().path("message").asString()).isEqualTo("Не удалось разобрать запись. Скажите ещё раз или напишите.");
        assertThat(ScriptedTranscriber.heard).isEmpty();
        assertThat(personLines()).isEmpty();
    }

    @Test
    void a_transcriber_that_fails_gets_a_message_the_person_understands_and_nothing_is_sent() throws Exception {
        Call english = live(Locale.ENGLISH);
        ScriptedTranscriber.answer = utterance -> {
            throw new TranscriptionFailed(TranscriptionFailed.Reason.UNAVAILABLE, "connection refused");
        };
        Answer down = upload(english, speech());
        ScriptedTranscriber.answer = utterance -> {
            throw new TranscriptionFailed(TranscriptionFailed.Reason.BUSY, "429");
        };
        Answer busy = upload(live(Locale.forLanguageTag("ru")), speech());

        assertThat(down.status()).isEqualTo(502);
        assertThat(down.body().path("message").asString())
                .isEqualTo("Speech recognition is not available right now. Please type your message.");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.body().path("message").asString()).startsWith("Распознавание речи сейчас занято.");
        assertThat(personLines()).isEmpty();
        assertThat(english.state()).isEqualTo(CallState.ACTIVE);
    }

    @Test
    void nothing_heard_is_said_so() throws Exception {
        ScriptedTranscriber.answer = utterance -> "  ";

        Answer answer = upload(live(Locale.ENGLISH), speech());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("message").asString()).isEqualTo("Nothing clear was heard. Please say it again, or type it.");
        assertThat(personLines()).isEmpty();
    }

    @Test
    void neither_the_audio_nor_its_words_are_kept_on_disk_or_in_the_logs(CapturedOutput output) throws Exception {
        String words = "my secret passphrase is marmalade";
        ScriptedTranscriber.answer = utterance -> words;
        byte[] wav = speech();
        Instant before = Instant.now().minusSeconds(1);

        assertThat(upload(live(Locale.ENGLISH), wav).status()).isEqualTo(200);

        assertThat(output.getAll()).doesNotContain("marmalade").doesNotContain(new String(wav, 44, 64, StandardCharsets.ISO_8859_1));
        assertThat(filesWrittenSince(before, Path.of(System.getProperty("java.io.tmpdir")), wav)).isEmpty();
        assertThat(filesWrittenSince(before, Path.of("data"), wav)).isEmpty();
    }

    /** Files changed since {@code since} under {@code root} that hold the recording. */
    private static List<Path> filesWrittenSince(Instant since, Path root, byte[] wav) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        byte[] probe = java.util.Arrays.copyOfRange(wav, 44, 44 + 256);
        try (Stream<Path> files = Files.walk(root, 6)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return Files.getLastModifiedTime(file).toInstant().isAfter(since) && Files.size(file) < 10_000_000
                            && indexOf(Files.readAllBytes(file), probe) >= 0;
                } catch (IOException unreadable) {
                    return false;
                }
            }).toList();
        } catch (java.io.UncheckedIOException walkFailed) {
            return List.of(); // another process's files came and went under the walk
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
