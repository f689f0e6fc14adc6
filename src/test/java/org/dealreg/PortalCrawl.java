package org.dealreg;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A breadth-first walk over the pages one signed-in {@link PortalClient} is shown, as a person walks the portal: from
 * the home page, through every same-origin link, by GET only, never signing out and never opening a download. Pages
 * of one shape (the same path once ids are set aside, the same query names) are opened at most a given number of
 * times, so a list of hundreds of deals costs a few page views.
 */
public final class PortalCrawl {

    private static final Pattern UUID_SEGMENT = Pattern.compile("/[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}(?=/|$)");
    private static final Pattern NUMBER_SEGMENT = Pattern.compile("/\\d+(?=/|$)");

    private final PortalClient client;
    private final int port;
    private final int pagesOfOneShape;
    private final int maxPages;
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Integer> shapes = new HashMap<>();
    private int pages;

    public PortalCrawl(PortalClient client, int port, int pagesOfOneShape, int maxPages) {
        this.client = client;
        this.port = port;
        this.pagesOfOneShape = pagesOfOneShape;
        this.maxPages = maxPages;
    }

    /** Walks from {@code start}, handing each HTML page answered 200 (its path and parsed body) to {@code visit}. */
    public void walkFrom(String start, BiConsumer<String, Document> visit) {
        Queue<String> queue = new ArrayDeque<>(List.of("/", sameOriginPath(start)));
        while (!queue.isEmpty() && pages < maxPages) {
            String path = queue.remove();
            if (!seen.add(path) || shapes.merge(shape(path), 1, Integer::sum) > pagesOfOneShape) {
                continue;
            }
            HttpResponse<String> response = client.get(path);
            if (response.statusCode() / 100 == 3) {
                response.headers().firstValue("Location").map(this::sameOriginPath).ifPresent(queue::add);
                continue;
            }
            boolean html = response.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
            if (response.statusCode() != 200 || !html) {
                continue;
            }
            pages++;
            Document page = Jsoup.parse(response.body(), "http://localhost:" + port + path);
            visit.accept(path, page);
            queue.addAll(links(page));
        }
    }

    /** The HTML pages opened so far. */
    public int pages() {
        return pages;
    }

    /** The kinds of page seen so far. */
    public int shapes() {
        return shapes.size();
    }

    private List<String> links(Document page) {
        List<String> links = new ArrayList<>();
        for (Element link : page.select("a[href]")) {
            if (link.hasAttr("download")) {
                continue;
            }
            String path = sameOriginPath(link.absUrl("href"));
            if (path != null && !path.startsWith("/logout")) {
                links.add(path);
            }
        }
        return links;
    }

    /** The path and query of a URL on this portal, without its fragment; null for another site. */
    private String sameOriginPath(String url) {
        URI uri = URI.create("http://localhost:" + port + "/").resolve(url);
        if (!"localhost".equals(uri.getHost()) || uri.getPort() != port) {
            return null;
        }
        String path = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** The path with its ids set aside and the names of its query parameters: pages of one kind. */
    public static String shape(String path) {
        int question = path.indexOf('?');
        String bare = question < 0 ? path : path.substring(0, question);
        String shape = NUMBER_SEGMENT.matcher(UUID_SEGMENT.matcher(bare).replaceAll("/{id}")).replaceAll("/{n}");
        if (question >= 0) {
            TreeSet<String> names = new TreeSet<>();
            for (String pair : path.substring(question + 1).split("&")) {
                names.add(pair.split("=", 2)[0]);
            }
            shape += "?" + String.join("&", names);
        }
        return shape;
    }
}
