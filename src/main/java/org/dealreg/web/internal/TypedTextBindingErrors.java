package org.dealreg.web.internal;

import org.dealreg.shared.RulesBroken;
import org.dealreg.shared.TypedText;
import org.springframework.beans.PropertyAccessException;
import org.springframework.util.ObjectUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;

/**
 * A value the edge refused becomes a message on its field with the refusal's own code ("input.control",
 * "input.twice" …) instead of the generic "typeMismatch"; the field keeps what was typed. So does a number, date
 * or choice sent twice or with a control character, whichever converter noticed first.
 */
class TypedTextBindingErrors extends DefaultBindingErrorProcessor {

    @Override
    public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
        String code = codeOf(ex);
        if (code == null) {
            super.processPropertyAccessException(ex, bindingResult);
            return;
        }
        String field = ex.getPropertyName();
        Object rejected = ex.getValue();
        if (ObjectUtils.isArray(rejected)) {
            rejected = StringUtils.arrayToCommaDelimitedString(ObjectUtils.toObjectArray(rejected));
        }
        FieldError error = new FieldError(bindingResult.getObjectName(), field, rejected, true,
                bindingResult.resolveMessageCodes(code, field), getArgumentsForBindError(bindingResult.getObjectName(), field),
                code);
        error.wrap(ex);
        bindingResult.addError(error);
    }

    private static String codeOf(PropertyAccessException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RulesBroken refused) {
                return refused.code();
            }
        }
        Object value = ex.getValue();
        if (ObjectUtils.isArray(value) && ObjectUtils.toObjectArray(value).length > 1) {
            return TypedText.TWICE;
        }
        if (value instanceof String text && TypedText.problem(text, true) != null) {
            return TypedText.CONTROL;
        }
        return null;
    }
}
