package org.dealreg.registration.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.dealreg.partners.SpecializationView;
import org.dealreg.shared.Countries;
import org.dealreg.shared.SupportedCurrency;
import org.dealreg.web.UnstoredForm;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.ServletRequestDataBinder;

/**
 * The registration form shown again with what the partner typed when the database was away (the page says it was
 * not stored). It is drawn without the database, so it shows no gate (the company's cap and region are not known
 * then) and, of the specialisations, only the one chosen, by its code. Sent again, it is checked like any other.
 */
@Component
class UnstoredDealForm implements UnstoredForm {

    private final ConversionService conversion;

    UnstoredDealForm(@Qualifier("mvcConversionService") ConversionService conversion) {
        this.conversion = conversion;
    }

    @Override
    public boolean submittedTo(String path) {
        return "/deals".equals(path);
    }

    @Override
    public String show(HttpServletRequest request, Model model) {
        ServletRequestDataBinder binder = new ServletRequestDataBinder(null, "dealForm");
        binder.setTargetType(ResolvableType.forClass(DealForm.class));
        binder.setConversionService(conversion);
        binder.construct(request);
        if (!(binder.getTarget() instanceof DealForm form)) {
            throw new IllegalArgumentException("The posted registration cannot be read back into its form");
        }
        model.addAttribute("dealForm", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "dealForm", binder.getBindingResult());
        model.addAttribute("specializations", form.specialization() == null || form.specialization().isBlank() ? List.of()
                : List.of(new SpecializationView(form.specialization(), form.specialization(), form.specialization(), null, true)));
        model.addAttribute("currencies", SupportedCurrency.values());
        model.addAttribute("countries", Countries.named(LocaleContextHolder.getLocale()));
        return "deals/form";
    }
}
