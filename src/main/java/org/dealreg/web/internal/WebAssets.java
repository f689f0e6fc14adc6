package org.dealreg.web.internal;

/**
 * Where the error page of last resort finds Bootstrap (the layout writes the same path): its webjar's versioned
 * path. Without webjars-locator-lite there is no
 * resource chain, which resolved every link a page rendered against the jars (most of a list page's CPU,
 * ../shared/STACK.md); {@code WebAssetsTest} fails when the pom's Bootstrap version and these paths part ways.
 */
public final class WebAssets {

    public static final String BOOTSTRAP = "/webjars/bootstrap/5.3.8";

    private WebAssets() {
    }
}
