//! The guest's exports, checked against the ABI table once when the guest is loaded.

use funcbox_abi as abi;
use wasmtime::{ExternType, Instance, Memory, Module, Store, TypedFunc, ValType};

use crate::error::SandboxError;

/// Checks every export the ABI requires, reporting all problems in one error.
pub fn check(module: &Module) -> Result<(), SandboxError> {
    let mut problems = Vec::new();
    match module.get_export(abi::EXPORT_MEMORY) {
        Some(ExternType::Memory(_)) => {}
        Some(_) => problems.push(format!("`{}` is not a memory", abi::EXPORT_MEMORY)),
        None => problems.push(format!("no `{}` export", abi::EXPORT_MEMORY)),
    }
    for &(name, params, results) in abi::FUNCTION_EXPORTS {
        match module.get_export(name) {
            Some(ExternType::Func(func)) => {
                let all_i32 = |types: &mut dyn Iterator<Item = ValType>, count: usize| {
                    let types: Vec<ValType> = types.collect();
                    types.len() == count && types.iter().all(|t| matches!(t, ValType::I32))
                };
                if !all_i32(&mut func.params(), params) || !all_i32(&mut func.results(), results) {
                    problems.push(format!(
                        "`{name}` has type {func}, expected {params} i32 parameter(s) and {results} i32 result(s)"
                    ));
                }
            }
            Some(_) => problems.push(format!("`{name}` is not a function")),
            None => problems.push(format!("no `{name}` export")),
        }
    }
    // A snapshot has run its reactor initialisation already and no longer exports it.
    match module.get_export(abi::EXPORT_INITIALIZE) {
        None => {}
        Some(ExternType::Func(func)) if func.params().len() == 0 && func.results().len() == 0 => {}
        Some(other) => problems.push(format!(
            "`{}` is {other:?}, expected a function without parameters or results",
            abi::EXPORT_INITIALIZE
        )),
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(SandboxError::BadExports(problems))
    }
}

/// Typed handles to the guest's exports in one instance.
pub struct GuestExports {
    pub memory: Memory,
    /// Absent from a snapshot, which has run it.
    pub initialize: Option<TypedFunc<(), ()>>,
    pub alloc: TypedFunc<u32, u32>,
    pub register: TypedFunc<(u32, u32), u32>,
    pub invoke: TypedFunc<(u32, u32, u32), u32>,
    pub result_ptr: TypedFunc<(), u32>,
    pub result_len: TypedFunc<(), u32>,
}

impl GuestExports {
    /// Looks the exports up; [`check`] has already vouched for their types.
    pub fn new<T>(instance: &Instance, store: &mut Store<T>) -> wasmtime::Result<Self> {
        let memory = instance
            .get_memory(&mut *store, abi::EXPORT_MEMORY)
            .ok_or_else(|| wasmtime::format_err!("no `{}` export", abi::EXPORT_MEMORY))?;
        Ok(Self {
            memory,
            initialize: instance
                .get_typed_func(&mut *store, abi::EXPORT_INITIALIZE)
                .ok(),
            alloc: instance.get_typed_func(&mut *store, abi::EXPORT_ALLOC)?,
            register: instance.get_typed_func(&mut *store, abi::EXPORT_REGISTER)?,
            invoke: instance.get_typed_func(&mut *store, abi::EXPORT_INVOKE)?,
            result_ptr: instance.get_typed_func(&mut *store, abi::EXPORT_RESULT_PTR)?,
            result_len: instance.get_typed_func(&mut *store, abi::EXPORT_RESULT_LEN)?,
        })
    }
}
