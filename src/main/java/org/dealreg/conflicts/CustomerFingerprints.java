package org.dealreg.conflicts;

import java.util.Locale;

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
        String domain = CustomerNormaliser.domainOfWebsite(website)
                .or(() -> CustomerNormaliser.domainOfEmail(contactEmail))
                .map(d -> blindIndex.of("domain", d))
                .orElse(null);
        String name = blindIndex.of("name+country",
                CustomerNormaliser.name(customerName) + "|" + country.toUpperCase(Locale.ROOT));
        return new CustomerFingerprint(domain, name);
    }
}
