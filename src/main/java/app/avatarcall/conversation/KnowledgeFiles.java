package app.avatarcall.conversation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of a file an operator uploads: plain text or Markdown (UTF-8), or a PDF. What a file is, is told by its
 * content ({@code %PDF-} opens a PDF; text must be valid UTF-8 without NUL bytes), not by its name or the browser's
 * word, and nothing bigger than {@link #MAX_BYTES} is read. A file that cannot be read is {@link Refused} with why.
 */
public final class KnowledgeFiles {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /** Why a file was not taken; the console says each in the operator's language. */
    public enum Reason { TOO_LARGE, NOT_TEXT, BROKEN_PDF, ENCRYPTED_PDF, EMPTY }

    public static final class Refused extends Exception {
        private final Reason reason;

        Refused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private KnowledgeFiles() {
    }

    public static String text(byte[] bytes) throws Refused {
        if (bytes.length > MAX_BYTES) {
            throw new Refused(Reason.TOO_LARGE, bytes.length + " bytes");
        }
        String text = startsWith(bytes, PDF) ? pdf(bytes) : utf8(bytes);
        String kept = text.replace("\r\n", "\n").strip();
        if (kept.isEmpty()) {
            throw new Refused(Reason.EMPTY, "no text in the file");
        }
        return kept;
    }

    private static String pdf(byte[] bytes) throws Refused {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw new Refused(Reason.ENCRYPTED_PDF, "the PDF forbids taking its text");
            }
            return new PDFTextStripper().getText(document);
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new Refused(Reason.ENCRYPTED_PDF, "the PDF needs a password");
        } catch (IOException | RuntimeException e) {
            throw new Refused(Reason.BROKEN_PDF, String.valueOf(e.getMessage())); // PDFBox throws both for bad files
        }
    }

    /** Text as it is, Markdown too: its marks ({@code #}, {@code *}) cost the search nothing. */
    private static String utf8(byte[] bytes) throws Refused {
        for (byte b : bytes) {
            if (b == 0) {
                throw new Refused(Reason.NOT_TEXT, "a NUL byte: a binary file");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Refused(Reason.NOT_TEXT, "not UTF-8 text");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
