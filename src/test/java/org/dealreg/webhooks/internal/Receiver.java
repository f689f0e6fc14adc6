package org.dealreg.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A webhook receiver as a partner would write one, for MockWebServer: it checks the Standard Webhooks signature with
 * its own HMAC-SHA256 (not the portal's code), answers the codes it was given in turn (then 200), and processes a
 * message once per {@code webhook-id}, however often it is sent.
 */
class Receiver extends Dispatcher {

    record Request(String path, String id, String timestamp, String signature, String body, boolean signatureValid,
            int answered) {
    }

    private final Deque<Integer> answers;
    private final List<String> secrets = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, String> processed = new LinkedHashMap<>();
    private int duplicates;

    Receiver(Integer... answers) {
        this.answers = new ArrayDeque<>(List.of(answers));
    }

    /** A secret of a subscription that posts here; a request signed with none of them is answered 401. */
    void secret(String secret) {
        secrets.add(secret);
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        String id = request.getHeaders().get("webhook-id");
        String timestamp = request.getHeaders().get("webhook-timestamp");
        String signature = request.getHeaders().get("webhook-signature");
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        boolean valid = secrets.stream().anyMatch(secret -> verifies(secret, id, timestamp, body, signature));
        int code = !valid ? 401 : answers.isEmpty() ? 200 : answers.poll();
        requests.add(new Request(request.getUrl().encodedPath(), id, timestamp, signature, body, valid, code));
        if (code == 200) {
            if (processed.containsKey(id)) {
                duplicates++;
            } else {
                processed.put(id, body);
            }
        }
        return new MockResponse.Builder().code(code).build();
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The bodies processed, one per webhook-id. */
    synchronized Map<String, String> processed() {
        return Map.copyOf(processed);
    }

    synchronized int duplicates() {
        return duplicates;
    }

    /** One of the space-separated {@code v1,} signatures must be the HMAC-SHA256 of id.timestamp.body. */
    static boolean verifies(String secret, String id, String timestamp, String body, String header) {
        if (secret == null || id == null || timestamp == null || header == null || !secret.startsWith("whsec_")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String candidate : header.split(" ")) {
                if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(candidate.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
