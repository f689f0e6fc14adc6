package org.dealreg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://www.globex.example/about", "http://globex.example", "globex.example",
            "HTTPS://Globex.Example:8443/a?b=c#d", "https://société.example", "https://globex.co.uk/"})
    void websitesAreHttpOnADomain(String typed) {
        assertThat(WebAddresses.isWebsite(typed)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://x.example", "javascript:alert(1)", "mailto:a@b.example", "https://localhost",
            "http://10.0.0.1", "https://[::1]/", "https://user@globex.example", "https://globex", "https://globex.example:0",
            "https://globex.example:99999", "https://glo bex.example", "https://globex.example/a b", "https://-x.example",
            "https://x.1"})
    void otherAddressesAreNotWebsites(String typed) {
        assertThat(WebAddresses.isWebsite(typed)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"buyer@globex.example", "a.b+c@sub.globex.co.uk", "x@société.example"})
    void eMailsHaveADomainName(String typed) {
        assertThat(WebAddresses.hasEmailDomain(typed)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b", "a@localhost", "a@10.0.0.1", "a@", "@globex.example", "a@globex.", "a@globex.example."})
    void eMailsWithoutADomainNameAreRefused(String typed) {
        assertThat(WebAddresses.hasEmailDomain(typed)).isFalse();
    }
}
