package org.dealreg.conflicts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.dealreg.crypto.BlindIndex;
import org.dealreg.shared.CustomerNormaliser;
import org.springframework.stereotype.Service;

/** Computes a customer's {@link CustomerFingerprint} from what the partner typed. */
@Service
public class CustomerFingerprints {

    private final BlindIndex blindIndex;

    CustomerFingerprints(BlindIndex blindIndex) {
        this.blindIndex = blindIndex;
    }

    public CustomerFingerprint of(String customerName, String website, String contactEmail, String country) {
        String domain = CustomerNormaliser.domainOf(website, contactEmail);
        String domainIndex = domain == null ? null : blindIndex.of("domain", domain);
        String name = blindIndex.of("name+country",
                CustomerNormaliser.name(customerName) + "|" + country.toUpperCase(Locale.ROOT));
        return new CustomerFingerprint(domainIndex, name);
    }

    /**
     * The name indexes a customer named {@code typedName} has in any country: a name's index holds its country, so a
     * search by name compares with each (one keyed hash per country, no row decrypted). Empty when the name
     * normalises to nothing.
     */
    public List<String> nameIndexesInAnyCountry(String typedName) {
        String name = CustomerNormaliser.name(typedName);
        if (name.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(Locale.getISOCountries()).map(country -> blindIndex.of("name+country", name + "|" + country))
                .toList();
    }

    /** The domain index of {@code typed} when it reads as a web domain or address ("globex.example"), else empty. */
    public Optional<String> domainIndex(String typed) {
        return CustomerNormaliser.domainOfWebsite(typed).filter(domain -> domain.contains("."))
                .map(domain -> blindIndex.of("domain", domain));
    }
}
