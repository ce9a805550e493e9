//! Locale-aware string comparison with ICU's collator: `String.prototype.localeCompare` and the
//! engine behind the prelude's `Intl.Collator`.
//!
//! Without Boa's `intl` feature, `localeCompare` compares UTF-16 code units: "Zürich" sorts
//! after "zucchini" and "_x" after "Z". LLM-written code sorts names with it all the time, and
//! ICU's root collation is what node uses for every locale without a tailoring (en included).

use std::{cell::RefCell, cmp::Ordering};

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction, js_string,
    object::FunctionObjectBuilder, string::JsStrVariant,
};
use icu_collator::{
    CollatorBorrowed, CollatorPreferences,
    options::{AlternateHandling, CaseLevel, CollatorOptions, Strength},
    preferences::{CollationCaseFirst, CollationNumericOrdering},
};
use icu_locale_core::Locale;

use crate::lazy;

/// The locale used when code passes none: node's default under `LANG=en_US.UTF-8`.
pub const DEFAULT_LOCALE: &str = "en-US";

/// Collation settings after defaults, as `Intl.Collator#resolvedOptions` reports them.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Settings {
    locale: String,
    sensitivity: &'static str,
    numeric: bool,
    case_first: &'static str,
    ignore_punctuation: bool,
}

impl Default for Settings {
    /// What a collator uses when neither the locale nor the options say otherwise.
    fn default() -> Self {
        Self {
            locale: DEFAULT_LOCALE.to_owned(),
            sensitivity: "variant",
            numeric: false,
            case_first: "false",
            ignore_punctuation: false,
        }
    }
}

thread_local! {
    /// The collators built so far: a sort calls its comparator thousands of times with the same
    /// settings, and building a collator costs far more than one comparison.
    static COLLATORS: RefCell<Vec<(Settings, CollatorBorrowed<'static>)>> =
        const { RefCell::new(Vec::new()) };
}

/// Replaces `String.prototype.localeCompare` with ICU collation.
pub fn install(context: &mut Context) -> JsResult<()> {
    let function =
        FunctionObjectBuilder::new(context.realm(), NativeFunction::from_fn_ptr(locale_compare))
            .name(js_string!("localeCompare"))
            .length(1)
            .build();
    let prototype = context.intrinsics().constructors().string().prototype();
    lazy::define_data(&prototype, "localeCompare", function.into(), context)
}

/// `(a, b, locales, options) => -1 | 0 | 1` and `(locales, options) => resolvedOptions`, for
/// the prelude's `Intl.Collator`.
pub fn natives(context: &mut Context) -> JsResult<Vec<(&'static str, JsValue)>> {
    let compare = FunctionObjectBuilder::new(context.realm(), NativeFunction::from_fn_ptr(compare))
        .name(js_string!("compare"))
        .length(2)
        .build();
    let resolve = FunctionObjectBuilder::new(context.realm(), NativeFunction::from_fn_ptr(resolve))
        .name(js_string!("resolvedOptions"))
        .length(0)
        .build();
    Ok(vec![
        ("collatorCompare", compare.into()),
        ("collatorResolve", resolve.into()),
    ])
}

fn locale_compare(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let this = this.require_object_coercible()?.to_string(context)?;
    let that = arg(args, 0).to_string(context)?;
    let settings = settings(&arg(args, 1), &arg(args, 2), context)?;
    Ok(JsValue::from(ordering(&this, &that, &settings)?))
}

fn compare(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let a = arg(args, 0).to_string(context)?;
    let b = arg(args, 1).to_string(context)?;
    let settings = settings(&arg(args, 2), &arg(args, 3), context)?;
    Ok(JsValue::from(ordering(&a, &b, &settings)?))
}

fn resolve(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let settings = settings(&arg(args, 0), &arg(args, 1), context)?;
    let resolved = JsObject::with_object_proto(context.intrinsics());
    let fields: [(&str, JsValue); 7] = [
        ("locale", JsString::from(settings.locale.as_str()).into()),
        ("usage", js_string!("sort").into()),
        ("sensitivity", JsString::from(settings.sensitivity).into()),
        ("ignorePunctuation", settings.ignore_punctuation.into()),
        ("collation", js_string!("default").into()),
        ("numeric", settings.numeric.into()),
        ("caseFirst", JsString::from(settings.case_first).into()),
    ];
    for (key, value) in fields {
        resolved.create_data_property_or_throw(JsString::from(key), value, context)?;
    }
    Ok(resolved.into())
}

fn arg(args: &[JsValue], index: usize) -> JsValue {
    args.get(index).cloned().unwrap_or_default()
}

/// The first requested locale, canonicalised; `en-US` when none is given.
fn requested_locale(locales: &JsValue, context: &mut Context) -> JsResult<Locale> {
    let tag = if locales.is_undefined() {
        None
    } else if let Some(text) = locales.as_string() {
        Some(text.to_std_string_lossy())
    } else {
        let list = locales.to_object(context)?;
        let first = list.get(0, context)?;
        if first.is_undefined() {
            None
        } else {
            Some(first.to_string(context)?.to_std_string_lossy())
        }
    };
    let tag = tag.unwrap_or_else(|| DEFAULT_LOCALE.to_owned());
    Locale::try_from_str(&tag).map_err(|_| {
        JsNativeError::range()
            .with_message(format!("Incorrect locale information provided: {tag}"))
            .into()
    })
}

/// Reads one option: undefined, or one of `allowed`.
fn option(
    options: &Option<JsObject>,
    key: &str,
    allowed: &[&'static str],
    context: &mut Context,
) -> JsResult<Option<&'static str>> {
    let Some(options) = options else {
        return Ok(None);
    };
    let value = options.get(JsString::from(key), context)?;
    if value.is_undefined() {
        return Ok(None);
    }
    let text = value.to_string(context)?.to_std_string_lossy();
    allowed
        .iter()
        .find(|candidate| **candidate == text)
        .copied()
        .map(Some)
        .ok_or_else(|| {
            JsNativeError::range()
                .with_message(format!(
                    "Value {text} out of range for Intl.Collator options property {key}"
                ))
                .into()
        })
}

fn flag(options: &Option<JsObject>, key: &str, context: &mut Context) -> JsResult<Option<bool>> {
    let Some(options) = options else {
        return Ok(None);
    };
    let value = options.get(JsString::from(key), context)?;
    Ok((!value.is_undefined()).then(|| value.to_boolean()))
}

fn settings(locales: &JsValue, options: &JsValue, context: &mut Context) -> JsResult<Settings> {
    // `a.localeCompare(b)` in a sort comparator runs thousands of times: skip the parsing.
    let defaults = Settings::default();
    if locales.is_undefined() && options.is_undefined() {
        return Ok(defaults);
    }
    let locale = requested_locale(locales, context)?;
    let options = if options.is_undefined() {
        None
    } else {
        Some(options.to_object(context)?)
    };
    option(&options, "usage", &["sort", "search"], context)?;
    option(&options, "localeMatcher", &["lookup", "best fit"], context)?;
    let numeric = flag(&options, "numeric", context)?;
    let case_first = option(&options, "caseFirst", &["upper", "lower", "false"], context)?;
    let sensitivity = option(
        &options,
        "sensitivity",
        &["base", "accent", "case", "variant"],
        context,
    )?;
    let ignore_punctuation = flag(&options, "ignorePunctuation", context)?;

    // The `-u-kn-` and `-u-kf-` extensions count unless an option overrides them.
    let preferences = CollatorPreferences::from(&locale);
    let numeric = numeric.unwrap_or(matches!(
        preferences.numeric_ordering,
        Some(CollationNumericOrdering::True)
    ));
    let case_first = case_first.unwrap_or(match preferences.case_first {
        Some(CollationCaseFirst::Upper) => "upper",
        Some(CollationCaseFirst::Lower) => "lower",
        _ => defaults.case_first,
    });
    let mut base = locale.clone();
    base.extensions.unicode.clear();
    Ok(Settings {
        locale: base.to_string(),
        sensitivity: sensitivity.unwrap_or(defaults.sensitivity),
        numeric,
        case_first,
        ignore_punctuation: ignore_punctuation.unwrap_or(defaults.ignore_punctuation),
    })
}

fn build(settings: &Settings) -> JsResult<CollatorBorrowed<'static>> {
    let locale = Locale::try_from_str(&settings.locale).map_err(|_| {
        JsNativeError::range().with_message("Incorrect locale information provided")
    })?;
    let mut preferences = CollatorPreferences::from(&locale);
    preferences.numeric_ordering = Some(if settings.numeric {
        CollationNumericOrdering::True
    } else {
        CollationNumericOrdering::False
    });
    preferences.case_first = Some(match settings.case_first {
        "upper" => CollationCaseFirst::Upper,
        "lower" => CollationCaseFirst::Lower,
        _ => CollationCaseFirst::False,
    });
    let mut options = CollatorOptions::default();
    let (strength, case_level) = match settings.sensitivity {
        "base" => (Strength::Primary, CaseLevel::Off),
        "accent" => (Strength::Secondary, CaseLevel::Off),
        "case" => (Strength::Primary, CaseLevel::On),
        _ => (Strength::Tertiary, CaseLevel::Off),
    };
    options.strength = Some(strength);
    options.case_level = Some(case_level);
    if settings.ignore_punctuation {
        options.alternate_handling = Some(AlternateHandling::Shifted);
    }
    CollatorBorrowed::try_new(preferences, options).map_err(|err| {
        JsNativeError::range()
            .with_message(format!("no collation data for {}: {err}", settings.locale))
            .into()
    })
}

fn ordering(a: &JsString, b: &JsString, settings: &Settings) -> JsResult<i32> {
    const KEPT: usize = 8;
    COLLATORS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let index = match cache.iter().position(|(known, _)| known == settings) {
            Some(index) => index,
            None => {
                if cache.len() == KEPT {
                    cache.remove(0);
                }
                cache.push((settings.clone(), build(settings)?));
                cache.len() - 1
            }
        };
        let collator = &cache[index].1;
        let order = match (a.as_str().variant(), b.as_str().variant()) {
            (JsStrVariant::Latin1(a), JsStrVariant::Latin1(b)) => collator.compare_latin1(a, b),
            (JsStrVariant::Latin1(a), JsStrVariant::Utf16(b)) => {
                collator.compare_latin1_utf16(a, b)
            }
            (JsStrVariant::Utf16(a), JsStrVariant::Latin1(b)) => {
                collator.compare_latin1_utf16(b, a).reverse()
            }
            (JsStrVariant::Utf16(a), JsStrVariant::Utf16(b)) => collator.compare_utf16(a, b),
        };
        Ok(match order {
            Ordering::Less => -1,
            Ordering::Equal => 0,
            Ordering::Greater => 1,
        })
    })
}
