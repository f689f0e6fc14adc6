package org.dealreg.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value taken exactly as typed, neither normalised nor trimmed: a password, where a trailing space is part of the
 * secret and is never stored as text. It is still refused when sent twice, or with a control character or a line
 * break ({@link TypedText#asTyped}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Verbatim {
}
