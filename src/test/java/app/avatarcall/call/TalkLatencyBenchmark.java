package app.avatarcall.call;

import static org.awaitility.Awaitility.await;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarEvent;
import app.avatarcall.avatar.Emotion;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.conversation.ReplyListener;
import app.avatarcall.conversation.ReplyReader;
import app.avatarcall.conversation.llm.fake.FakeLlm;
import app.avatarcall.testing.FakeAvatarProvider;
import app.avatarcall.testing.FakeLlmTest;
import app.avatarcall.testing.Stats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Talk mode with the fake language model over real HTTP, in one JVM so that the fake's clock and the avatar's are the
 * same. (1) Overhead: from the fake flushing the token that completes the reply's first sentence to the avatar's
 * {@code speak} for it (HTTP on loopback, SSE parsing, splitting, the turn). Target p95 ≤ 10 ms. (2) Time to the
 * avatar's first words when sentences stream, against waiting for the whole reply (the moment its last sentence is
 * in), at 30 ms a token for 80-token replies.
 */
class TalkLatencyBenchmark extends FakeLlmTest {

    private static final String SHORT = "[neutral] Sure, I can help with that. What would you like to know?";
    private static final String LONG = "[happy] Avatar Call rings you like a friend would, and you answer with one "
            + "tap. In Talk mode I answer your questions, sentence by sentence, while I am still thinking of the next "
            + "one. In Repeat mode I say exactly what you type. You can switch between them at any time under the "
            + "chat, and I speak Russian as well as English.";

    @Autowired
    CallService calls;
    @Autowired
    AvatarDirectory avatars;
    @Autowired
    FakeAvatarProvider provider;
    @Autowired
    FakeLlm fake;

    @AfterEach
    void reset() {
        fake.reset();
    }

    private Call live() {
        Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, "bench");
        calls.accept(call);
        calls.report(call, new StageReport.Ready());
        provider.last().finishSpeaking();
        return call;
    }

    @Test
    void first_sentence_to_speak_overhead() {
        fake.latency(Duration.ZERO, Duration.ofMillis(20));
        int decisive = decisiveToken(SHORT);
        Call call = live();
        FakeAvatarProvider.Session avatar = provider.last();
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < 230; run++) {
            fake.then(new FakeLlm.Script.Reply(SHORT));
            int before = avatar.spoken.size();
            calls.send(call, "Can you help me?");
            await().pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(10)).until(() -> avatar.spoken.size() == before + 2 && !call.isAnswering());
            long spokenAt = avatar.spokenAt.get(before);
            long sentAt = fake.sentAt().get(decisive);
            for (int said = before + 1; said <= before + 2; said++) {
                avatar.emit(new AvatarEvent.SpeakingEnded("u" + said, false));
            }
            if (run >= 30) { // the first runs warm the JVM up
                millis.add((spokenAt - sentAt) / 1e6);
            }
        }
        Stats.print("LLM's first finished sentence -> avatar speak dispatched (fake LLM over HTTP, 20 ms/token)", "ms",
                millis);
        Stats.line(String.format(Locale.ROOT, "p95=%.2f ms (target <= 10 ms), p50=%.2f ms",
                Stats.percentile(millis, 95), Stats.percentile(millis, 50)));
    }

    @Test
    void first_words_streamed_vs_whole_reply() {
        String reply = String.join("", FakeLlm.tokens(LONG).subList(0, 80));
        fake.latency(Duration.ofMillis(300), Duration.ofMillis(30));
        Call call = live();
        FakeAvatarProvider.Session avatar = provider.last();
        List<Double> firstWords = new ArrayList<>();
        List<Double> wholeReply = new ArrayList<>();
        for (int run = 0; run < 13; run++) {
            fake.then(new FakeLlm.Script.Reply(reply));
            int before = avatar.spoken.size();
            long sent = System.nanoTime();
            calls.send(call, "Tell me about Avatar Call");
            await().pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(20)).until(() -> !call.isAnswering());
            int after = avatar.spoken.size();
            for (int said = before + 1; said <= after; said++) {
                avatar.emit(new AvatarEvent.SpeakingEnded("u" + said, false));
            }
            if (run >= 3) {
                firstWords.add((avatar.spokenAt.get(before) - sent) / 1e6);
                wholeReply.add((avatar.spokenAt.get(after - 1) - sent) / 1e6);
            }
        }
        Stats.line(String.format(Locale.ROOT, "reply: %d tokens, %d sentences; first token after 300 ms, then 30 ms a "
                + "token", FakeLlm.tokens(reply).size(), sentences(reply)));
        Stats.print("Send -> avatar's first words, sentences streamed", "ms", firstWords);
        Stats.print("Send -> whole reply in (when a non-streaming answer could start speaking)", "ms", wholeReply);
        Stats.line(String.format(Locale.ROOT, "first words come %.1fx sooner streamed (medians: %.0f ms vs %.0f ms)",
                Stats.percentile(wholeReply, 50) / Stats.percentile(firstWords, 50), Stats.percentile(firstWords, 50),
                Stats.percentile(wholeReply, 50)));
    }

    /** The index of the token whose arrival completes the first sentence, by the app's own reader. */
    private static int decisiveToken(String text) {
        List<String> tokens = FakeLlm.tokens(text);
        int[] said = {0};
        ReplyReader reader = ReplyReader.tagged(new Counting(said));
        for (int i = 0; i < tokens.size(); i++) {
            reader.read(tokens.get(i));
            if (said[0] > 0) {
                return i;
            }
        }
        throw new IllegalStateException("no sentence completes before the end in: " + text);
    }

    private static int sentences(String text) {
        int[] said = {0};
        ReplyReader reader = ReplyReader.tagged(new Counting(said));
        reader.read(text);
        reader.end();
        return said[0];
    }

    private record Counting(int[] said) implements ReplyListener {
        @Override
        public void emotion(Emotion emotion) {
        }

        @Override
        public void sentence(String sentence) {
            said[0]++;
        }

        @Override
        public void finished() {
        }
    }
}
