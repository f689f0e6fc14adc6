package org.dealreg.webhooks.internal;

/** A subscription the rules refuse: the form's {@code field} shows the message {@code code}. Nothing was stored. */
class WebhookRefused extends RuntimeException {

    private final String field;
    private final String code;

    WebhookRefused(String field, String code) {
        super(code);
        this.field = field;
        this.code = code;
    }

    String field() {
        return field;
    }

    String code() {
        return code;
    }
}
