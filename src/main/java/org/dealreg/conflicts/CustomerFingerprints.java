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
        String domain = CustomerNormaliser.domainOf(website, contactEmail);
        String domainIndex = domain == null ? null : blindIndex.of("domain", domain);
        String name = blindIndex.of("name+country",
                CustomerNormaliser.name(customerName) + "|" + country.toUpperCase(Locale.ROOT));
        return new CustomerFingerprint(domainIndex, name);
    }
}
