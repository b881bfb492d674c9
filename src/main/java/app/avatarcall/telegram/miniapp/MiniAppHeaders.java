package app.avatarcall.telegram.miniapp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers that let Telegram's web clients frame the app and its call use the microphone and play sound: framing
 * allowed only to our own origin and Telegram's web clients (never {@code X-Frame-Options: DENY}), and a
 * Permissions-Policy that keeps camera, microphone and autoplay for ourselves. The session cookie's
 * {@code SameSite=None; Secure; Partitioned} is set in {@code application.properties}.
 */
@Component
class MiniAppHeaders extends OncePerRequestFilter {

    static final String FRAME_ANCESTORS = "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org";
    static final String PERMISSIONS = "camera=(self), microphone=(self), autoplay=(self), geolocation=()";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", FRAME_ANCESTORS);
        response.setHeader("Permissions-Policy", PERMISSIONS);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        chain.doFilter(request, response);
    }
}
