package org.dealreg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerNormaliserTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Société Générale S.A.      | societe generale",
            "societe generale           | societe generale",
            "AT&T Inc.                  | at and t",
            "AT and T                   | at and t",
            "Globex Corp.               | globex",
            "globex corporation         | globex",
            "The Home Depot, Inc.       | home depot",
            "L'Oréal                    | loreal",
            "  Compagnie   Générale des Eaux | compagnie generale des eaux",
            "SAS Dupont & Fils          | dupont and fils",
            "Initech LLC                | initech",
            "Ａｃｍｅ Ltd                 | acme",
            "Co                         | co",
    })
    void namesComeToOneForm(String raw, String expected) {
        assertThat(CustomerNormaliser.name(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "https://www.Globex.example/about?x=1 | globex.example",
            "globex.example                       | globex.example",
            "http://user@shop.globex.example:8443 | shop.globex.example",
            "WWW.INITECH.EXAMPLE.                 | initech.example",
            "https://bücher.example/              | xn--bcher-kva.example",
    })
    void websitesGiveTheirDomain(String website, String domain) {
        assertThat(CustomerNormaliser.domainOfWebsite(website)).contains(domain);
    }

    @ParameterizedTest
    @CsvSource({"not a website", "localhost", "http://", "exa_mple.com", "'<script>'"})
    void nonsenseIsNotAWebsite(String website) {
        assertThat(CustomerNormaliser.domainOfWebsite(website)).isEmpty();
        assertThat(CustomerNormaliser.isValidWebsite(website)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"jane@gmail.com", "j@orange.fr", "x@free.fr", "y@laposte.net", "z@hotmail.com", "w@icloud.com"})
    void freeMailSaysNothingAboutTheCustomer(String email) {
        assertThat(CustomerNormaliser.domainOfEmail(email)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"buyer@Globex.example, globex.example", "achats@cge.example, cge.example"})
    void aCorporateEmailGivesTheDomain(String email, String domain) {
        assertThat(CustomerNormaliser.domainOfEmail(email)).contains(domain);
    }
}
