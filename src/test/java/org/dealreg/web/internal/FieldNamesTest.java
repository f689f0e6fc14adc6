package org.dealreg.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The binder's field names: the same as Spring's resolver gives ({@code @BindParam}, else none, and the binder takes
 * the parameter's name), and remembered once per constructor parameter however many requests bind the form — the
 * binder makes a new {@link MethodParameter} for each, so a cache keyed wrongly would grow with every request.
 */
class FieldNamesTest {

    record Form(String customerName, @BindParam("when") String expectedCloseDate) {
    }

    @Test
    void namesAreSpringsAndEachParameterIsRememberedOnce() throws Exception {
        TypedTextBinding.FieldNames names = new TypedTextBinding.FieldNames();
        Constructor<?> constructor = Form.class.getDeclaredConstructor(String.class, String.class);

        for (int request = 0; request < 100; request++) {
            assertThat(names.resolveName(MethodParameter.forFieldAwareConstructor(constructor, 0, "customerName")))
                    .isNull();
            assertThat(names.resolveName(MethodParameter.forFieldAwareConstructor(constructor, 1, "expectedCloseDate")))
                    .isEqualTo("when");
        }

        assertThat(names.remembered()).isEqualTo(2);
    }
}
