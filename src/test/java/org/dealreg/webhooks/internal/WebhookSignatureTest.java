package org.dealreg.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification's reference libraries. */
    @Test
    void signsAsTheStandardWebhooksReferenceDoes() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String body = "{\"test\": 2432232314}";
        assertThat(WebhookSignature.header("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body, List.of(secret)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aNewSecretIsThirtyTwoRandomBytesAfterThePrefix() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void duringARotationEachSecretGivesItsSignatureSpaceSeparated() {
        String header = WebhookSignature.header("msg_1", 1, "{}", List.of(WebhookSignature.newSecret(),
                WebhookSignature.newSecret()));
        assertThat(header.split(" ")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1,"));
    }
}
