package org.dealreg.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The portal's address in links that leave it (e-mails): {@code dealreg.base-url} (DEALREG_BASE_URL) when set, which
 * a deployment behind a proxy must; else {@code http://localhost} at the port this portal actually listens on, so a
 * demo started on another port (PORT=9090, a test's random port) sends links that open on it.
 */
@Component
public class PortalAddress implements ApplicationListener<WebServerInitializedEvent> {

    private final String configured;
    private volatile int port;

    PortalAddress(@Value("${dealreg.base-url:}") String configured, @Value("${server.port:8080}") int port) {
        this.configured = StringUtils.hasText(configured) ? withoutTrailingSlash(configured.strip()) : null;
        this.port = port;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            this.port = event.getWebServer().getPort();
        }
    }

    /** The absolute URL of a path of the portal, e.g. {@code /invitations/abc}. */
    public String link(String path) {
        return base() + (path.startsWith("/") ? path : "/" + path);
    }

    public String base() {
        return configured != null ? configured : "http://localhost:" + port;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
