//! The web-platform globals node has and ECMAScript lacks: boa_runtime's classes, installed up
//! front, and the prelude scripts that complete them, evaluated on first use.
//!
//! Evaluating every prelude eagerly took ~14 ms per run, more than all the rest of a cached run,
//! so a function that never touches `Intl`, `Date`, `URLSearchParams` or `TextDecoder` does not
//! pay for their JavaScript. Those names are accessors on the global object for the realm's
//! whole life, backed by a hidden store: the first read evaluates the group's prelude.
//!
//! They stay accessors on purpose. Turning one into a data property from inside its own getter
//! trips Boa 0.22's inline cache for global reads: the cache records the new shape with the old
//! accessor slot, and the next read at that call site calls the new value as a getter.

use std::path::Path;

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsString, JsSymbol, JsValue, NativeFunction,
    Script, Source, js_string, object::FunctionObjectBuilder, property::PropertyDescriptor,
};
use boa_runtime::extensions::{
    Base64Extension, EncodingExtension, MicrotaskExtension, StructuredCloneExtension, UrlExtension,
};

use crate::{collate, http};

/// Named native values handed to a prelude.
type Natives = Vec<(&'static str, JsValue)>;

/// Where a group's names are defined.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    /// The global object.
    Global,
    /// The `Intl` object.
    Intl,
}

/// Values backed by one prelude script. The script evaluates to `(natives) => ({ ... })`: it
/// receives the native values (and `natives.require(key)`, which returns another group's value,
/// setting that group up first) and returns its values by key.
struct Group {
    /// Where `names` are defined, as accessors.
    target: Target,
    /// The names defined on `target`.
    names: &'static [&'static str],
    /// Values the script returns for other preludes or the host, not defined anywhere.
    helpers: &'static [&'static str],
    /// The script's path (for error locations) and source.
    prelude: (&'static str, &'static str),
}

/// boa_runtime's globals, as data properties from the start: defining them costs little.
/// `TextDecoder` is among them; a prelude-backed accessor replaces it below.
fn install_natives(context: &mut Context) -> JsResult<()> {
    boa_runtime::register_extensions(
        (
            Base64Extension,
            EncodingExtension,
            MicrotaskExtension,
            StructuredCloneExtension,
            UrlExtension,
        ),
        None,
        context,
    )?;
    // boa_runtime makes some of them enumerable; node's globals are not.
    for name in [
        "atob",
        "btoa",
        "TextEncoder",
        "URL",
        "queueMicrotask",
        "structuredClone",
    ] {
        let value = context.global_object().get(JsString::from(name), context)?;
        define_data(&context.global_object(), name, value, context)?;
    }
    Ok(())
}

/// What every prelude may use: boa_runtime's classes, the built-in `Date`, the native collator.
fn natives(context: &mut Context) -> JsResult<Natives> {
    let mut natives = collate::natives(context)?;
    natives.extend(http::natives(context)?);
    for name in ["URL", "TextEncoder", "TextDecoder"] {
        natives.push((name, native_global(context, name)?));
    }
    let date = context.intrinsics().constructors().date().constructor();
    natives.push(("Date", date.into()));
    Ok(natives)
}

const URL: usize = 1;
const INTL_NUMBER: usize = 4;
const INTL_DATE: usize = 5;

const GROUPS: &[Group] = &[
    Group {
        target: Target::Global,
        names: &["TextDecoder"],
        helpers: &[],
        prelude: (
            "prelude/text_decoder.js",
            include_str!("prelude/text_decoder.js"),
        ),
    },
    Group {
        target: Target::Global,
        names: &["URLSearchParams"],
        helpers: &["searchParamsOf"],
        prelude: (
            "prelude/url_search_params.js",
            include_str!("prelude/url_search_params.js"),
        ),
    },
    Group {
        target: Target::Global,
        names: &["Date"],
        helpers: &[],
        prelude: (
            "prelude/date_parse.js",
            include_str!("prelude/date_parse.js"),
        ),
    },
    Group {
        target: Target::Intl,
        names: &["getCanonicalLocales", "supportedValuesOf"],
        helpers: &["intlCommon"],
        prelude: (
            "prelude/intl/common.js",
            include_str!("prelude/intl/common.js"),
        ),
    },
    Group {
        target: Target::Intl,
        names: &["NumberFormat", "PluralRules"],
        helpers: &[],
        prelude: (
            "prelude/intl/number.js",
            include_str!("prelude/intl/number.js"),
        ),
    },
    Group {
        target: Target::Intl,
        names: &["DateTimeFormat"],
        helpers: &[],
        prelude: ("prelude/intl/date.js", include_str!("prelude/intl/date.js")),
    },
    Group {
        target: Target::Intl,
        names: &["Collator", "ListFormat", "RelativeTimeFormat"],
        helpers: &[],
        prelude: ("prelude/intl/text.js", include_str!("prelude/intl/text.js")),
    },
    Group {
        target: Target::Global,
        names: &["fetch", "Http"],
        helpers: &[],
        prelude: ("prelude/http.js", include_str!("prelude/http.js")),
    },
];

/// The group that provides `key`.
fn group_of(key: &str) -> Option<usize> {
    GROUPS
        .iter()
        .position(|group| group.names.contains(&key) || group.helpers.contains(&key))
}

/// Built-in methods an `Intl` prelude replaces with locale-aware ones: calling one first sets
/// up its group, then calls the replacement. (Replacing a data property's value keeps its slot,
/// so the inline caches stay right.)
const INTL_METHODS: &[(Prototype, &str, usize)] = &[
    (Prototype::Number, "toLocaleString", INTL_NUMBER),
    (Prototype::BigInt, "toLocaleString", INTL_NUMBER),
    (Prototype::Date, "toLocaleString", INTL_DATE),
    (Prototype::Date, "toLocaleDateString", INTL_DATE),
    (Prototype::Date, "toLocaleTimeString", INTL_DATE),
];

#[derive(Clone, Copy)]
enum Prototype {
    Number,
    BigInt,
    Date,
}

impl Prototype {
    fn object(self, context: &Context) -> JsObject {
        let constructors = context.intrinsics().constructors();
        match self {
            Self::Number => constructors.number().prototype(),
            Self::BigInt => constructors.bigint().prototype(),
            Self::Date => constructors.date().prototype(),
        }
    }
}

/// Installs the globals: boa_runtime's now, the prelude-backed ones as accessors.
pub fn install(context: &mut Context) -> JsResult<()> {
    install_natives(context)?;
    // Where the prelude-backed values live once set up, by key.
    let store = JsObject::with_null_proto();
    let natives = JsObject::with_null_proto();
    for (name, value) in self::natives(context)? {
        natives.set(JsString::from(name), value, true, context)?;
    }
    let require = NativeFunction::from_copy_closure_with_captures(
        |_, args, store: &JsObject, context| {
            let key = args
                .first()
                .cloned()
                .unwrap_or_default()
                .to_string(context)?
                .to_std_string_lossy();
            let index = group_of(&key).ok_or_else(|| {
                JsNativeError::typ().with_message(format!("funcbox: no prelude provides {key}"))
            })?;
            value(store, index, &key, context)
        },
        store.clone(),
    )
    .to_js_function(context.realm());
    natives.set(js_string!("require"), require, true, context)?;
    store.set(js_string!("natives"), natives, true, context)?;

    let intl = JsObject::with_object_proto(context.intrinsics());
    intl.define_property_or_throw(
        JsSymbol::to_string_tag(),
        PropertyDescriptor::builder()
            .value(js_string!("Intl"))
            .writable(false)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    define_data(
        &context.global_object(),
        "Intl",
        intl.clone().into(),
        context,
    )?;

    for (index, group) in GROUPS.iter().enumerate() {
        let target = match group.target {
            Target::Global => context.global_object(),
            Target::Intl => intl.clone(),
        };
        for &name in group.names {
            define_accessor(&target, &store, index, name, context)?;
        }
    }
    install_search_params(&store, context)?;
    install_intl_methods(&store, context)
}

/// `name` on `target`: reading it sets up group `index`; assigning replaces it, as in node.
fn define_accessor(
    target: &JsObject,
    store: &JsObject,
    index: usize,
    name: &'static str,
    context: &mut Context,
) -> JsResult<()> {
    let realm = context.realm().clone();
    let getter = NativeFunction::from_copy_closure_with_captures(
        move |_, _, store: &JsObject, context| value(store, index, name, context),
        store.clone(),
    )
    .to_js_function(&realm);
    let setter = NativeFunction::from_copy_closure_with_captures(
        move |_, args, store: &JsObject, context| {
            let value = args.first().cloned().unwrap_or_default();
            store.set(JsString::from(name), value, true, context)?;
            Ok(JsValue::undefined())
        },
        store.clone(),
    )
    .to_js_function(&realm);
    target.define_property_or_throw(
        JsString::from(name),
        PropertyDescriptor::builder()
            .get(getter)
            .set(setter)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    Ok(())
}

/// `URL.prototype.searchParams`, which boa_runtime's URL lacks, from the URL prelude.
fn install_search_params(store: &JsObject, context: &mut Context) -> JsResult<()> {
    let getter = NativeFunction::from_copy_closure_with_captures(
        |this, _, store: &JsObject, context| {
            let helper = value(store, URL, "searchParamsOf", context)?;
            callable(&helper, "searchParamsOf")?.call(
                &JsValue::undefined(),
                std::slice::from_ref(this),
                context,
            )
        },
        store.clone(),
    )
    .to_js_function(context.realm());
    let url = native_global(context, "URL")?;
    let prototype = url
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("URL is not a class"))?
        .get(js_string!("prototype"), context)?;
    let prototype = prototype
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("URL has no prototype"))?;
    prototype.define_property_or_throw(
        js_string!("searchParams"),
        PropertyDescriptor::builder()
            .get(getter)
            .enumerable(true)
            .configurable(true),
        context,
    )?;
    Ok(())
}

fn install_intl_methods(store: &JsObject, context: &mut Context) -> JsResult<()> {
    for &(prototype, method, group) in INTL_METHODS {
        let trigger = NativeFunction::from_copy_closure_with_captures(
            move |this, args, store: &JsObject, context| {
                set_up(store, group, context)?;
                let replacement = prototype
                    .object(context)
                    .get(JsString::from(method), context)?;
                callable(&replacement, method)?.call(this, args, context)
            },
            store.clone(),
        );
        let function = FunctionObjectBuilder::new(context.realm(), trigger)
            .name(JsString::from(method))
            .length(0)
            .build();
        define_data(&prototype.object(context), method, function.into(), context)?;
    }
    Ok(())
}

/// The stored value of `key`, setting up group `index` first if it has not been.
fn value(store: &JsObject, index: usize, key: &str, context: &mut Context) -> JsResult<JsValue> {
    let key = JsString::from(key);
    if !store.has_own_property(key.clone(), context)? {
        set_up(store, index, context)?;
    }
    store.get(key, context)
}

/// Evaluates group `index`'s prelude and stores what it returns, once.
fn set_up(store: &JsObject, index: usize, context: &mut Context) -> JsResult<()> {
    let done = JsString::from(format!("set up {index}"));
    if store.has_own_property(done.clone(), context)? {
        return Ok(());
    }
    store.set(done, true, true, context)?;
    let (path, code) = GROUPS[index].prelude;
    let natives = store.get(js_string!("natives"), context)?;
    let source = Source::from_bytes(code.as_bytes()).with_path(Path::new(path));
    let setup = Script::parse(source, None, context)?.evaluate(context)?;
    let values = callable(&setup, path)?.call(&JsValue::undefined(), &[natives], context)?;
    let values = values
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message(format!("{path} returned no object")))?;
    for key in values.own_property_keys(context)? {
        let value = values.get(key.clone(), context)?;
        store.set(key, value, true, context)?;
    }
    Ok(())
}

fn native_global(context: &mut Context, name: &str) -> JsResult<JsValue> {
    context.global_object().get(JsString::from(name), context)
}

fn callable(value: &JsValue, what: &str) -> JsResult<JsObject> {
    value.as_callable().ok_or_else(|| {
        JsNativeError::typ()
            .with_message(format!("funcbox: {what} is not a function"))
            .into()
    })
}

/// Defines `name` as a writable, configurable, non-enumerable property, like node's globals.
pub(crate) fn define_data(
    object: &JsObject,
    name: &str,
    value: JsValue,
    context: &mut Context,
) -> JsResult<()> {
    object.define_property_or_throw(
        JsString::from(name),
        PropertyDescriptor::builder()
            .value(value)
            .writable(true)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_indices_point_at_the_groups_they_name() {
        assert!(GROUPS[URL].helpers.contains(&"searchParamsOf"));
        assert!(GROUPS[INTL_NUMBER].names.contains(&"NumberFormat"));
        assert!(GROUPS[INTL_DATE].names.contains(&"DateTimeFormat"));
        assert_eq!(group_of("intlCommon"), Some(3));
    }

    #[test]
    fn every_key_is_provided_by_exactly_one_group() {
        let keys: Vec<&str> = GROUPS
            .iter()
            .flat_map(|group| group.names.iter().chain(group.helpers))
            .copied()
            .collect();
        for key in &keys {
            assert_eq!(
                keys.iter().filter(|other| *other == key).count(),
                1,
                "{key}"
            );
        }
    }
}
