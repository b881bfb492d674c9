package app.avatarcall.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.testing.Pdfs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KnowledgeFilesTest {

    @Test
    void the_text_of_a_pdf_is_taken() throws Exception {
        String text = KnowledgeFiles.text(pdf("The warranty lasts two years.", null));
        assertThat(text).contains("The warranty lasts two years.");
    }

    @Test
    void a_pdf_locked_with_a_password_is_refused_as_encrypted() throws Exception {
        assertThat(reason(pdf("Secret", "s3cret"))).isEqualTo(KnowledgeFiles.Reason.ENCRYPTED_PDF);
    }

    @Test
    void a_broken_pdf_is_refused_not_crashed_on() throws Exception {
        byte[] cut = Arrays.copyOf(pdf("Cut short", null), 40);
        assertThat(reason(cut)).isEqualTo(KnowledgeFiles.Reason.BROKEN_PDF);
        assertThat(reason("%PDF-1.7 nothing else".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(KnowledgeFiles.Reason.BROKEN_PDF);
    }

    @Test
    void markdown_and_plain_text_are_read_as_utf8() throws Exception {
        assertThat(KnowledgeFiles.text("\uFEFF# Гарантия\r\n\r\nДва **года**.".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("# Гарантия\n\nДва **года**.");
    }

    @Test
    void a_file_over_five_megabytes_is_refused_before_it_is_read() {
        assertThat(reason(new byte[KnowledgeFiles.MAX_BYTES + 1])).isEqualTo(KnowledgeFiles.Reason.TOO_LARGE);
    }

    @Test
    void binary_files_whatever_their_name_and_empty_files_are_refused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        assertThat(reason(png)).isEqualTo(KnowledgeFiles.Reason.NOT_TEXT);
        assertThat(reason(new byte[] {(byte) 0xC3, (byte) 0x28})).isEqualTo(KnowledgeFiles.Reason.NOT_TEXT);
        assertThat(reason(" \n ".getBytes(StandardCharsets.UTF_8))).isEqualTo(KnowledgeFiles.Reason.EMPTY);
    }

    private static KnowledgeFiles.Reason reason(byte[] file) {
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(KnowledgeFiles.Refused.class,
                () -> KnowledgeFiles.text(file));
        assertThat(refused).as("refused").isNotNull();
        return refused.reason();
    }

    private static byte[] pdf(String line, String password) {
        return Pdfs.withLines(password, line);
    }
}
