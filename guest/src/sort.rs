//! Sorting with a comparator that cannot bring the guest down.
//!
//! Boa sorts with Rust's `slice::sort_by`, which panics when a comparator is inconsistent, and
//! a panic aborts the whole guest. JavaScript allows any comparator: `(a, b) => a > b` (a
//! boolean, never negative) and `() => Math.random() - 0.5` (a shuffle) are common, and node
//! returns some order for them. So with a comparator, `sort` and `toSorted` on arrays and
//! typed arrays run the specification's steps here, with a merge sort that accepts whatever
//! the comparator answers; without one, Boa's own built-ins run (their default order is
//! total). Found by the `sandbox` fuzz target.

use std::cmp::Ordering;

use boa_engine::{
    Context, JsArgs, JsNativeError, JsObject, JsResult, JsValue, NativeFunction, js_string,
    object::{FunctionObjectBuilder, builtins::JsArray},
    property::PropertyKey,
};

/// The four methods and whether each sorts in place.
#[derive(Clone, Copy)]
enum Method {
    ArraySort,
    ArrayToSorted,
    TypedSort,
    TypedToSorted,
}

/// Replaces the four methods on the intrinsic prototypes, keeping Boa's for the default order.
pub fn install(context: &mut Context) -> JsResult<()> {
    let array = context.intrinsics().constructors().array().prototype();
    let typed = context
        .intrinsics()
        .constructors()
        .typed_array()
        .prototype();
    replace(&array, "sort", Method::ArraySort, context)?;
    replace(&array, "toSorted", Method::ArrayToSorted, context)?;
    replace(&typed, "sort", Method::TypedSort, context)?;
    replace(&typed, "toSorted", Method::TypedToSorted, context)
}

fn replace(
    prototype: &JsObject,
    name: &'static str,
    method: Method,
    context: &mut Context,
) -> JsResult<()> {
    let key = js_string!(name);
    let original = prototype.get(key.clone(), context)?;
    let Some(original) = original.as_object().filter(|object| object.is_callable()) else {
        return Err(JsNativeError::typ()
            .with_message(format!("funcbox: no built-in {name} to wrap"))
            .into());
    };
    let function = NativeFunction::from_copy_closure_with_captures(
        move |this, args, original: &JsObject, context| {
            match args.get_or_undefined(0).as_object() {
                Some(comparefn) if comparefn.is_callable() => {
                    sort(this, &comparefn, method, original, context)
                }
                // No comparator (or not a function, which Boa rejects with its TypeError).
                _ => original.call(this, args, context),
            }
        },
        original.clone(),
    );
    let function = FunctionObjectBuilder::new(context.realm(), function)
        .name(key.clone())
        .length(1)
        .build();
    // Replacing the value keeps the property's attributes (writable, non-enumerable).
    prototype.set(key, function, true, context)?;
    Ok(())
}

/// The specification's `sort`/`toSorted` with `comparefn`, for arrays and typed arrays.
fn sort(
    this: &JsValue,
    comparefn: &JsObject,
    method: Method,
    original: &JsObject,
    context: &mut Context,
) -> JsResult<JsValue> {
    let target = match method {
        Method::ArraySort | Method::TypedSort => this.to_object(context)?,
        // A copy to sort in place: a new array reading through holes, or (for a typed array)
        // `slice()`, which makes one of the same type and validates the receiver.
        Method::ArrayToSorted => {
            let source = this.to_object(context)?;
            let len = length(&source, context)?;
            let mut items = Vec::new();
            for index in 0..len {
                items.push(source.get(index, context)?);
            }
            JsArray::from_iter(items, context).into()
        }
        Method::TypedToSorted => {
            let slice = context
                .intrinsics()
                .constructors()
                .typed_array()
                .prototype()
                .get(js_string!("slice"), context)?;
            let copy = slice
                .as_callable()
                .map(|slice| slice.call(this, &[], context));
            match copy {
                Some(copy) => copy?.to_object(context)?,
                None => return original.call(this, &[], context),
            }
        }
    };
    let skip_holes = matches!(method, Method::ArraySort);
    let len = length(&target, context)?;
    let mut items = Vec::new();
    for index in 0..len {
        if !skip_holes || target.has_property(index, context)? {
            items.push(target.get(index, context)?);
        }
    }
    let items = merge_sort(items, &mut |x, y| compare(x, y, comparefn, context))?;
    let sorted = items.len() as u64;
    for (index, item) in items.into_iter().enumerate() {
        target.set(index, item, true, context)?;
    }
    // The holes `sort` skipped are left at the end, as the specification says.
    for index in sorted..len {
        target.delete_property_or_throw(PropertyKey::from(index), context)?;
    }
    Ok(target.into())
}

fn length(object: &JsObject, context: &mut Context) -> JsResult<u64> {
    object
        .get(js_string!("length"), context)?
        .to_length(context)
}

/// `CompareArrayElements` with a comparator: undefined sorts last, NaN counts as equal.
fn compare(
    x: &JsValue,
    y: &JsValue,
    comparefn: &JsObject,
    context: &mut Context,
) -> JsResult<Ordering> {
    match (x.is_undefined(), y.is_undefined()) {
        (true, true) => return Ok(Ordering::Equal),
        (true, false) => return Ok(Ordering::Greater),
        (false, true) => return Ok(Ordering::Less),
        (false, false) => {}
    }
    let value = comparefn
        .call(&JsValue::undefined(), &[x.clone(), y.clone()], context)?
        .to_number(context)?;
    Ok(value.partial_cmp(&0.0).unwrap_or(Ordering::Equal))
}

/// A stable bottom-up merge sort that stops at the comparator's first error and, whatever it
/// answers, returns a permutation of `items`. It sorts indices between two buffers, so a pass
/// allocates nothing: the comparator calls are what cost.
fn merge_sort(
    items: Vec<JsValue>,
    compare: &mut dyn FnMut(&JsValue, &JsValue) -> JsResult<Ordering>,
) -> JsResult<Vec<JsValue>> {
    let len = items.len();
    let mut from: Vec<usize> = (0..len).collect();
    let mut to = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right, mut out) = (start, middle, start);
            while left < middle && right < end {
                // Only a right element strictly smaller goes first: equal ones keep their order.
                if compare(&items[from[left]], &items[from[right]])? == Ordering::Greater {
                    to[out] = from[right];
                    right += 1;
                } else {
                    to[out] = from[left];
                    left += 1;
                }
                out += 1;
            }
            let rest = middle - left;
            to[out..out + rest].copy_from_slice(&from[left..middle]);
            to[out + rest..end].copy_from_slice(&from[right..end]);
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    let mut slots: Vec<Option<JsValue>> = items.into_iter().map(Some).collect();
    Ok(from
        .into_iter()
        .map(|index| slots[index].take().unwrap_or_default())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(numbers: &[i32]) -> Vec<JsValue> {
        numbers.iter().map(|&n| JsValue::from(n)).collect()
    }

    #[test]
    fn merge_sort_sorts_stably_and_survives_any_answers() {
        let sorted = merge_sort(values(&[5, 3, 9, 1, 3]), &mut |x, y| {
            Ok(x.as_number()
                .partial_cmp(&y.as_number())
                .unwrap_or(Ordering::Equal))
        })
        .expect("sorted");
        assert_eq!(sorted, values(&[1, 3, 3, 5, 9]));
        let mut flip = false;
        let shuffled = merge_sort(values(&(0..100).collect::<Vec<_>>()), &mut |_, _| {
            flip = !flip;
            Ok(if flip {
                Ordering::Less
            } else {
                Ordering::Greater
            })
        })
        .expect("some order");
        let mut back: Vec<i32> = shuffled
            .iter()
            .filter_map(JsValue::as_number)
            .map(|n| n as i32)
            .collect();
        back.sort_unstable();
        assert_eq!(back, (0..100).collect::<Vec<_>>());
    }
}
