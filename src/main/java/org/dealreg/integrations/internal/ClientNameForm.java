package org.dealreg.integrations.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a client is called on the Integrations page ("Our CRM"); the only thing its administrator types. */
record ClientNameForm(@NotBlank @Size(max = 100) String name) {

    static ClientNameForm empty() {
        return new ClientNameForm(null);
    }
}
