package org.dealreg.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The portal posts to the internet only, unless the setting allows private addresses (tests, development). */
class DeliveryAddressPolicyTest {

    /** A resolver with fixed answers, so that no test depends on DNS. */
    private static final DeliveryAddressPolicy.Resolver NAMES = host -> {
        Map<String, String> known = Map.of("hooks.example.com", "93.184.216.34", "localhost", "127.0.0.1",
                "intranet.example.com", "10.1.2.3", "metadata.example.com", "169.254.169.254");
        String address = known.get(host);
        if (address != null) {
            return new InetAddress[] {InetAddress.getByName(address)};
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    };

    private final DeliveryAddressPolicy internetOnly = new DeliveryAddressPolicy(false, NAMES);
    private final DeliveryAddressPolicy privateAllowed = new DeliveryAddressPolicy(true, NAMES);

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost/hooks", "https://127.0.0.1/hooks", "https://127.8.9.10:8443/",
            "https://10.0.0.5/", "https://172.16.0.1/", "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data",
            "https://intranet.example.com/hooks", "https://metadata.example.com/", "https://0.0.0.0/",
            "https://100.64.0.1/", "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/",
            "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/", "https://224.0.0.1/"})
    void aPrivateLoopbackOrLinkLocalAddressIsRefusedWhenTheSettingIsOff(String url) {
        assertThat(internetOnly.refusal(url)).contains("webhooks.url.private");
    }

    @Test
    void plainHttpIsRefusedWhenTheSettingIsOff() {
        assertThat(internetOnly.refusal("http://hooks.example.com/dealreg")).contains("webhooks.url.https");
    }

    @Test
    void aPublicHttpsAddressIsAccepted() {
        assertThat(internetOnly.refusal("https://hooks.example.com/dealreg?x=1")).isEmpty();
        assertThat(internetOnly.refusal("https://[2001:4860:4860::8888]/")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hooks.example.com/dealreg", "ftp://hooks.example.com/", "https://user:pw@hooks.example.com/",
            "https:///nohost", "https://hooks example.com/", "javascript:alert(1)"})
    void whatIsNotAFullWebAddressIsRefused(String url) {
        assertThat(internetOnly.refusal(url)).contains("webhooks.url.invalid");
    }

    @Test
    void aHostThatCannotBeFoundIsRefused() {
        assertThat(internetOnly.refusal("https://nowhere.invalid/")).contains("webhooks.url.unknownHost");
    }

    @Test
    void theSettingAllowsTheLoopbackOverPlainHttp() {
        assertThat(privateAllowed.refusal("http://127.0.0.1:8089/hooks")).isEmpty();
        assertThat(privateAllowed.refusal("http://localhost:8089/hooks")).isEmpty();
        assertThat(privateAllowed.refusal("ftp://localhost/")).contains("webhooks.url.invalid");
    }
}
