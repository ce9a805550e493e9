//! `funcbox new NAME "DESCRIPTION"`: generate a function, prove it, save it.

use anyhow::Result;
use clap::Args;
use funcbox::{
    Exit,
    guest::sha256_hex,
    library::{Library, Metadata},
    llm::prompt::{self, PROMPT_VERSION},
    paths::Dirs,
};

use super::{
    generate_ui::generate_with_feedback,
    llm_args::LlmArgs,
    run::{LimitArgs, NetworkArgs},
};

/// Ask the model for a function, check it in the sandbox against its own examples, save it.
#[derive(Args)]
#[command(after_help = Exit::table())]
pub struct NewArgs {
    /// Name to save it under (letters, digits, '_' and '-').
    #[arg(required_unless_present = "show_prompt")]
    name: Option<String>,

    /// What the function should do, in plain English.
    #[arg(required_unless_present = "show_prompt")]
    description: Option<String>,

    /// Replace a saved function of the same name.
    #[arg(long)]
    force: bool,

    /// Print the prompt that would be sent, and its version, then exit.
    #[arg(long)]
    show_prompt: bool,

    #[command(flatten)]
    llm: LlmArgs,

    /// Limits for running the examples during the check.
    #[command(flatten)]
    limits: LimitArgs,

    #[command(flatten)]
    network: NetworkArgs,
}

/// Runs the command.
pub fn exec(args: NewArgs) -> Result<()> {
    let network = args.network.network(&[]);
    let hosts = network.allow.to_strings();
    if args.show_prompt {
        let description = args.description.as_deref().unwrap_or("<DESCRIPTION>");
        println!(
            "# prompt version {PROMPT_VERSION}\n\n## system\n{}\n\n## user\n{}",
            prompt::system(&hosts),
            prompt::request(description)
        );
        return Ok(());
    }
    let (Some(name), Some(description)) = (args.name.as_deref(), args.description.as_deref())
    else {
        anyhow::bail!("a name and a description are needed");
    };
    let dirs = Dirs::from_env()?;
    let library = Library::new(dirs.data.join("functions"));
    // Refuse before spending an LLM call on a name that cannot be saved.
    if !args.force && library.contains(name)? {
        return Err(funcbox::LibraryError::AlreadyExists {
            name: name.to_owned(),
        }
        .into());
    }

    let (generated, config) = generate_with_feedback(
        description,
        &args.llm,
        &args.limits.limits(),
        &network,
        &dirs,
    )?;
    let metadata = Metadata {
        description: description.to_owned(),
        model: config.model.clone(),
        base_url_host: config.host(),
        created: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
        prompt_version: PROMPT_VERSION,
        code_sha256: sha256_hex(generated.code.as_bytes()),
        examples: generated.examples.clone(),
        allowed_hosts: hosts,
    };
    let path = library.save(name, &generated.code, &metadata, args.force)?;
    if !args.llm.quiet {
        let checked = match generated.examples.len() {
            0 => "the reply had no examples, so it is checked only to load and export a function"
                .to_owned(),
            n => format!("{n} example(s) passed"),
        };
        eprintln!(
            "funcbox: saved `{name}` to {} ({checked}; {} attempt(s))",
            path.display(),
            generated.attempts
        );
    }
    Ok(())
}
