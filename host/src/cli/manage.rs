//! `funcbox list`, `funcbox show NAME` and `funcbox rm NAME`: the saved functions.

use anyhow::Result;
use clap::Args;
use funcbox::{library::Library, paths::Dirs};

use super::terminal;

fn library() -> Result<Library> {
    Ok(Library::new(Dirs::from_env()?.data.join("functions")))
}

/// Show one saved function: its metadata, examples and code.
#[derive(Args)]
pub struct ShowArgs {
    /// The function's name.
    name: String,
}

/// Remove a saved function.
#[derive(Args)]
pub struct RmArgs {
    /// The function's name.
    name: String,
}

/// `funcbox list`: name, creation time and description of every saved function.
pub fn list() -> Result<()> {
    let functions = library()?.list()?;
    if functions.is_empty() {
        eprintln!(
            "funcbox: no saved functions yet: create one with `funcbox new NAME \"what it does\"`"
        );
        return Ok(());
    }
    let width = functions
        .iter()
        .map(|f| f.name.len())
        .max()
        .unwrap_or(4)
        .max(4);
    println!("{:<width$}  {:<20}  DESCRIPTION", "NAME", "CREATED");
    for function in functions {
        let (created, description) = match &function.metadata {
            Some(meta) => (meta.created.as_str(), meta.description.as_str()),
            None => ("-", "(no metadata)"),
        };
        println!("{:<width$}  {created:<20}  {description}", function.name);
    }
    Ok(())
}

/// `funcbox show NAME`.
pub fn show(args: ShowArgs) -> Result<()> {
    let function = library()?.get(&args.name)?;
    println!("name:         {}", function.name);
    if let Some(meta) = &function.metadata {
        println!("description:  {}", terminal::for_stdout(&meta.description));
        println!("model:        {} ({})", meta.model, meta.base_url_host);
        println!("created:      {}", meta.created);
        println!("prompt:       version {}", meta.prompt_version);
        println!("code sha256:  {}", meta.code_sha256);
        if !meta.allowed_hosts.is_empty() {
            let hosts = terminal::for_stdout(&meta.allowed_hosts.join(", ")).into_owned();
            println!("network:      {hosts}");
        }
        println!("examples:     {}", meta.examples.len());
        for example in &meta.examples {
            let quote = |text: &str| serde_json::to_string(text).unwrap_or_default();
            println!("  {} -> {}", quote(&example.input), quote(&example.output));
        }
    }
    println!();
    // Generated code is the model's (or an attacker's) text: no raw escapes on a terminal.
    print!("{}", terminal::for_stdout(&function.code));
    if !function.code.ends_with('\n') {
        println!();
    }
    Ok(())
}

/// `funcbox rm NAME`.
pub fn rm(args: RmArgs) -> Result<()> {
    library()?.remove(&args.name)?;
    eprintln!("funcbox: removed `{}`", args.name);
    Ok(())
}
