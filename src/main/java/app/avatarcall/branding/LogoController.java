package app.avatarcall.branding;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the operator's logo at {@code /branding/logo?v=<version>}. The call screens ask for it with the stored
 * logo's version in the URL, so that URL's answer never changes and may be cached for good; any other URL is checked
 * again each time ({@code ETag}), so a new logo shows on the next call. Only ever the PNG the server drew itself.
 */
@RestController
class LogoController {

    private final Brandings brandings;

    LogoController(Brandings brandings) {
        this.brandings = brandings;
    }

    @GetMapping("/branding/logo")
    ResponseEntity<byte[]> logo(@RequestParam(name = "v", required = false) @Nullable String version,
                                @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String seen) {
        return brandings.logo().map(logo -> {
            String etag = "\"" + logo.version() + "\"";
            CacheControl caching = logo.version().equals(version)
                    ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
                    : CacheControl.noCache();
            var answer = ResponseEntity.status(etag.equals(seen) ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
                    .eTag(etag).cacheControl(caching);
            return etag.equals(seen) ? answer.<byte[]>build()
                    : answer.contentType(MediaType.IMAGE_PNG)
                            .header("Content-Disposition", "inline; filename=\"logo.png\"")
                            .header("Content-Security-Policy", "default-src 'none'; sandbox")
                            .body(logo.png());
        }).orElseGet(() -> ResponseEntity.notFound().cacheControl(CacheControl.noCache()).build());
    }
}
