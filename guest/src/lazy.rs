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
    Context, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction, Script, Source,
    object::FunctionObjectBuilder, property::PropertyDescriptor,
};
use boa_runtime::extensions::{
    Base64Extension, EncodingExtension, MicrotaskExtension, StructuredCloneExtension, UrlExtension,
};

use crate::collate;

/// Named native values handed to a prelude.
type Natives = Vec<(&'static str, JsValue)>;

/// Globals backed by one prelude script. The script evaluates to `(natives) => ({ ... })`: it
/// receives the native values and returns the globals' values, plus any helper the host side
/// needs (such as `searchParamsOf`).
struct Group {
    /// The global names whose values the prelude returns.
    names: &'static [&'static str],
    /// The native values the prelude builds on.
    natives: fn(&mut Context) -> JsResult<Natives>,
    /// The script's path (for error locations) and source.
    prelude: (&'static str, &'static str),
}

/// boa_runtime's globals, as data properties from the start: defining them costs little.
/// `TextDecoder` and `URL` are among them; `TextDecoder` is then replaced below.
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

const URL: usize = 1;
const INTL: usize = 3;

const GROUPS: &[Group] = &[
    Group {
        names: &["TextDecoder"],
        natives: |context| {
            Ok(vec![(
                "TextDecoder",
                native_global(context, "TextDecoder")?,
            )])
        },
        prelude: (
            "prelude/text_decoder.js",
            include_str!("prelude/text_decoder.js"),
        ),
    },
    Group {
        names: &["URLSearchParams"],
        natives: |context| {
            Ok(vec![
                ("URL", native_global(context, "URL")?),
                ("TextEncoder", native_global(context, "TextEncoder")?),
                ("TextDecoder", native_global(context, "TextDecoder")?),
            ])
        },
        prelude: (
            "prelude/url_search_params.js",
            include_str!("prelude/url_search_params.js"),
        ),
    },
    Group {
        names: &["Date"],
        natives: |context| {
            let date = context.intrinsics().constructors().date().constructor();
            Ok(vec![("Date", date.into())])
        },
        prelude: (
            "prelude/date_parse.js",
            include_str!("prelude/date_parse.js"),
        ),
    },
    Group {
        names: &["Intl"],
        natives: collate::natives,
        prelude: ("prelude/intl.js", include_str!("prelude/intl.js")),
    },
];

/// Built-in methods the `Intl` prelude replaces with locale-aware ones: calling one first sets
/// up `Intl`, then calls the replacement. (Replacing a data property's value keeps its slot, so
/// the inline caches stay right.)
const INTL_METHODS: &[(Prototype, &str)] = &[
    (Prototype::Number, "toLocaleString"),
    (Prototype::BigInt, "toLocaleString"),
    (Prototype::Date, "toLocaleString"),
    (Prototype::Date, "toLocaleDateString"),
    (Prototype::Date, "toLocaleTimeString"),
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
    // Where the prelude-backed values live once set up; keys are global names and helpers.
    let store = JsObject::with_null_proto();
    // The natives the preludes build on, taken before the accessors hide them.
    let natives = JsObject::with_null_proto();
    for group in GROUPS {
        for (name, value) in (group.natives)(context)? {
            natives.set(JsString::from(name), value, true, context)?;
        }
    }
    store.set(js_str("natives"), natives, true, context)?;

    let realm = context.realm().clone();
    let global = context.global_object();
    for (index, group) in GROUPS.iter().enumerate() {
        for &name in group.names {
            let getter = NativeFunction::from_copy_closure_with_captures(
                move |_, _, store: &JsObject, context| value(store, index, name, context),
                store.clone(),
            )
            .to_js_function(&realm);
            // Assigning replaces the global, as in node; it needs no setup.
            let setter = NativeFunction::from_copy_closure_with_captures(
                move |_, args, store: &JsObject, context| {
                    let value = args.first().cloned().unwrap_or_default();
                    store.set(JsString::from(name), value, true, context)?;
                    Ok(JsValue::undefined())
                },
                store.clone(),
            )
            .to_js_function(&realm);
            global.define_property_or_throw(
                JsString::from(name),
                PropertyDescriptor::builder()
                    .get(getter)
                    .set(setter)
                    .enumerable(false)
                    .configurable(true),
                context,
            )?;
        }
    }
    install_search_params(&store, context)?;
    install_intl_methods(&store, context)
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
        .get(js_str("prototype"), context)?;
    let prototype = prototype
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("URL has no prototype"))?;
    prototype.define_property_or_throw(
        js_str("searchParams"),
        PropertyDescriptor::builder()
            .get(getter)
            .enumerable(true)
            .configurable(true),
        context,
    )?;
    Ok(())
}

fn install_intl_methods(store: &JsObject, context: &mut Context) -> JsResult<()> {
    for &(prototype, method) in INTL_METHODS {
        let trigger = NativeFunction::from_copy_closure_with_captures(
            move |this, args, store: &JsObject, context| {
                value(store, INTL, "Intl", context)?;
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
    let natives = store.get(js_str("natives"), context)?;
    let source = Source::from_bytes(code).with_path(Path::new(path));
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

fn js_str(text: &str) -> JsString {
    JsString::from(text)
}

/// Defines `name` as a writable, configurable, non-enumerable property, like node's globals.
fn define_data(
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
