package app.avatarcall.branding;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an upload into a logo that is safe to serve: what the image is comes from its content (never its name or
 * declared type), SVG is refused (it can carry script), the pixel count is read from the header before anything is
 * decoded (a small file can unpack into gigabytes), and the picture is drawn afresh into a PNG, scaled down, so that
 * not one byte of what was uploaded is served.
 */
public final class LogoImages {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final long MAX_PIXELS = 25_000_000;
    public static final int MAX_SIDE = 512;
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "webp");

    private LogoImages() {
    }

    public static Logo reencode(byte[] upload) throws LogoRefused {
        if (upload.length > MAX_BYTES) {
            throw new LogoRefused(LogoRefused.Reason.TOO_LARGE);
        }
        if (looksLikeMarkup(upload)) {
            throw new LogoRefused(LogoRefused.Reason.SVG);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            ImageReader reader = readerFor(in);
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new LogoRefused(LogoRefused.Reason.TOO_MANY_PIXELS);
                }
                return png(scaled(reader.read(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException damaged) {
            throw new LogoRefused(LogoRefused.Reason.NOT_AN_IMAGE);
        }
    }

    private static ImageReader readerFor(ImageInputStream in) throws LogoRefused {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            try {
                if (FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    return reader;
                }
            } catch (IOException ignored) {
                // a reader that cannot name its format is not one of ours
            }
            reader.dispose();
        }
        throw new LogoRefused(LogoRefused.Reason.NOT_AN_IMAGE);
    }

    /** SVG, HTML and XML all start with a tag (after an optional byte-order mark and white space). */
    private static boolean looksLikeMarkup(byte[] upload) {
        String start = new String(upload, 0, Math.min(upload.length, 256), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<");
    }

    private static BufferedImage scaled(BufferedImage image) {
        double factor = Math.min(1, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage drawn = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var graphics = drawn.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return drawn;
    }

    private static Logo png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        byte[] png = out.toByteArray();
        return new Logo(png, version(png));
    }

    private static String version(byte[] png) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png), 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
