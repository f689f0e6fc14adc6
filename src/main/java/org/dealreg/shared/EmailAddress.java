package org.dealreg.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;

/**
 * Every e-mail field of the portal: what {@link Email} accepts, with a domain name after the "@"
 * ({@link WebAddresses#hasEmailDomain}), so "a@b" is refused. Empty is allowed (say {@code @NotBlank} when it is not).
 */
@Documented
@Email
@ReportAsSingleViolation
@Constraint(validatedBy = EmailAddress.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface EmailAddress {

    String message() default "{EmailAddress}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<EmailAddress, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isEmpty() || WebAddresses.hasEmailDomain(value);
        }
    }
}
