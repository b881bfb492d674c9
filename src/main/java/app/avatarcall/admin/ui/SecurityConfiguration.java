package app.avatarcall.admin.ui;

import app.avatarcall.admin.AdminAccounts;
import app.avatarcall.admin.AdminProperties;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The app's HTTP surface. The call screens are open to everybody (who a caller is comes from Telegram's initData,
 * not from a login); the admin console's views say who may see them ({@code @RolesAllowed}); the endpoints other
 * programs call check their own credentials (a beacon's per-call token, Telegram's webhook secret, LiveKit's signed
 * webhooks, the schedule API's bearer token), so they are open here and exempt from the browser's CSRF token.
 * Actuator endpoints other than health are for admins; health shows details to admins only.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(AdminProperties.class)
class SecurityConfiguration {

    /** Endpoints that authenticate their callers themselves, and the in-process fakes of vendor APIs. */
    static final String[] MACHINE_ENDPOINTS = {"/beacon/**", "/voice/**", "/telegram/**", "/livekit/**",
            "/fake-liveavatar/**", "/fake-heygen/**", "/fake-tts/**", "/fake-stt/**", "/fake-llm/**",
            "/fake-telegram/**", "/twirp/**", "/bot*/**", "/branding/**"};

    /** Our own static files (src/main/resources/META-INF/resources): public, like Vaadin's own bundle. */
    static final String[] STATIC_FILES = {"/styles.css", "/admin.css", "/favicon.ico"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(MACHINE_ENDPOINTS).permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                .requestMatchers(HttpMethod.GET, STATIC_FILES).permitAll()
                .requestMatchers("/actuator/**").hasRole(AdminAccounts.ROLE));
        // Actuator is for programs (and admins' curl), not a browser form; everything but health needs the ADMIN role,
        // and its writes take JSON only, which another site's page cannot send without a CORS preflight nobody allows.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(MACHINE_ENDPOINTS).ignoringRequestMatchers("/actuator/**"));
        // Telegram Web frames the app: who may frame it is said by CSP frame-ancestors (MiniAppHeaders).
        http.headers(headers -> headers.frameOptions(frame -> frame.disable()));
        // Signing in from the console's own login page (no saved request) lands on the console, not the call screen.
        VaadinSavedRequestAwareAuthenticationSuccessHandler landing = new VaadinSavedRequestAwareAuthenticationSuccessHandler();
        landing.setDefaultTargetUrl("/admin");
        http.setSharedObject(VaadinSavedRequestAwareAuthenticationSuccessHandler.class, landing);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/admin/login"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
