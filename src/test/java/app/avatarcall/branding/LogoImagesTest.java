package app.avatarcall.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LogoImagesTest {

    private static BufferedImage read(Logo logo) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(logo.png()));
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void a_png_logo_is_redrawn_as_a_new_png_of_the_same_size_so_the_upload_itself_is_never_served() throws Exception {
        // A polyglot: a real PNG with a script after its end, which a careless server would pass on.
        byte[] picture = TestImages.image("png", 300, 120);
        byte[] payload = "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8);
        byte[] upload = Arrays.copyOf(picture, picture.length + payload.length);
        System.arraycopy(payload, 0, upload, picture.length, payload.length);

        Logo logo = LogoImages.reencode(upload);
        assertThat(Arrays.copyOf(logo.png(), 8)).isEqualTo(PNG_SIGNATURE);
        assertThat(new String(logo.png(), StandardCharsets.ISO_8859_1)).doesNotContain("<script>");
        assertThat(read(logo).getWidth()).isEqualTo(300);
        assertThat(read(logo).getHeight()).isEqualTo(120);
        assertThat(logo.version()).matches("[0-9a-f]{16}");
    }

    @Test
    void a_large_jpeg_photo_becomes_a_png_scaled_down_to_fit_keeping_its_shape() throws Exception {
        Logo logo = LogoImages.reencode(TestImages.image("jpeg", 2000, 1000));
        assertThat(Arrays.copyOf(logo.png(), 8)).isEqualTo(PNG_SIGNATURE);
        assertThat(read(logo).getWidth()).isEqualTo(LogoImages.MAX_SIDE);
        assertThat(read(logo).getHeight()).isEqualTo(LogoImages.MAX_SIDE / 2);
    }

    @Test
    void a_gif_is_taken_too_and_the_same_picture_gets_the_same_version() throws Exception {
        byte[] gif = TestImages.image("gif", 64, 64);
        assertThat(LogoImages.reencode(gif).version()).isEqualTo(LogoImages.reencode(gif).version());
    }

    @Test
    void an_svg_is_refused_because_it_can_carry_script_even_named_as_a_png() {
        byte[] svg = """
                <?xml version="1.0"?>
                <svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"""
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LogoImages.reencode(svg)).isInstanceOfSatisfying(LogoRefused.class,
                refused -> assertThat(refused.reason()).isEqualTo(LogoRefused.Reason.SVG));
        byte[] bomSvg = ("\uFEFF  <svg onload=\"alert(1)\"/>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LogoImages.reencode(bomSvg)).isInstanceOfSatisfying(LogoRefused.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("branding.logo.error.svg"));
    }

    @Test
    void html_and_text_are_refused_as_markup_or_as_not_an_image() {
        byte[] html = "<!doctype html><img src=x onerror=alert(1)>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LogoImages.reencode(html)).isInstanceOfSatisfying(LogoRefused.class,
                refused -> assertThat(refused.reason()).isEqualTo(LogoRefused.Reason.SVG));
        byte[] text = "just some words".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LogoImages.reencode(text)).isInstanceOfSatisfying(LogoRefused.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("branding.logo.error.not-an-image"));
    }

    @Test
    void a_damaged_png_is_refused_as_not_an_image() {
        byte[] whole = TestImages.image("png", 200, 200);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> LogoImages.reencode(cut)).isInstanceOfSatisfying(LogoRefused.class,
                refused -> assertThat(refused.reason()).isEqualTo(LogoRefused.Reason.NOT_AN_IMAGE));
    }

    @Test
    void a_file_over_the_size_limit_is_refused_before_it_is_read() {
        byte[] big = new byte[LogoImages.MAX_BYTES + 1];
        System.arraycopy(PNG_SIGNATURE, 0, big, 0, PNG_SIGNATURE.length);
        assertThatThrownBy(() -> LogoImages.reencode(big)).isInstanceOfSatisfying(LogoRefused.class,
                refused -> assertThat(refused.reason()).isEqualTo(LogoRefused.Reason.TOO_LARGE));
    }

    @Test
    void a_small_file_that_would_unpack_into_too_many_pixels_is_refused() {
        byte[] bomb = TestImages.hugeButSmallPng(6000, 5000);
        assertThat(bomb.length).isLessThan(LogoImages.MAX_BYTES);
        assertThatThrownBy(() -> LogoImages.reencode(bomb)).isInstanceOfSatisfying(LogoRefused.class,
                refused -> assertThat(refused.reason()).isEqualTo(LogoRefused.Reason.TOO_MANY_PIXELS));
    }
}
