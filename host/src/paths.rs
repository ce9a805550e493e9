//! Where funcbox keeps its files: the saved functions (data), the compiled guest (cache) and
//! the configuration. `FUNCBOX_HOME` puts all three under one directory, which is how tests
//! and users isolate a funcbox; otherwise the platform's conventions (XDG on Linux) apply.

use std::path::{Path, PathBuf};

use crate::error::LibraryError;

/// The environment variable that overrides the root of all funcbox files.
pub const HOME_VAR: &str = "FUNCBOX_HOME";

/// The directories funcbox uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dirs {
    /// Saved functions.
    pub data: PathBuf,
    /// Compiled guest code and other rebuildable files.
    pub cache: PathBuf,
    /// Configuration.
    pub config: PathBuf,
}

impl Dirs {
    /// All three directories under one root.
    pub fn under(root: &Path) -> Self {
        Self {
            data: root.join("data"),
            cache: root.join("cache"),
            config: root.join("config"),
        }
    }

    /// `FUNCBOX_HOME` if it is set and not empty, else the platform's directories.
    pub fn from_env() -> Result<Self, LibraryError> {
        if let Some(root) = std::env::var_os(HOME_VAR).filter(|root| !root.is_empty()) {
            return Ok(Self::under(Path::new(&root)));
        }
        let project =
            directories::ProjectDirs::from("", "", "funcbox").ok_or(LibraryError::NoHome)?;
        Ok(Self {
            data: project.data_dir().to_path_buf(),
            cache: project.cache_dir().to_path_buf(),
            config: project.config_dir().to_path_buf(),
        })
    }
}
