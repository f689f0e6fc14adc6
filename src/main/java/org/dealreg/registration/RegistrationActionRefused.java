package org.dealreg.registration;

import java.util.Arrays;

import org.dealreg.shared.Refusal;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A partner's or a manager's action on a registration that its rules refuse (closing one that is not approved,
 * a third extension, a second request while one is open…): nothing was changed. A status among its arguments is
 * named in the reader's language.
 */
public class RegistrationActionRefused extends Refusal {

    public RegistrationActionRefused(String code, Object... args) {
        super(code, args);
    }

    @Override
    public Object[] getArguments() {
        return Arrays.stream(super.getArguments())
                .map(arg -> arg instanceof RegistrationStatus status ? new DefaultMessageSourceResolvable("status." + status) : arg)
                .toArray();
    }
}
