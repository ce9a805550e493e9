//! The library of saved functions: `NAME.js` (the code) and `NAME.json` (its metadata) in
//! the data directory. The code file's presence is what makes a function exist. Every write is
//! atomic: a new name is claimed by linking its code file into place, and a replacement writes
//! both files before renaming either, so neither a crash nor a full disk leaves half a save.

use std::{
    fs,
    path::{Path, PathBuf},
};

use serde::{Deserialize, Serialize};

use crate::{atomic, error::LibraryError, llm::extract::Example, network::HostPattern};

/// What funcbox records about a generated function, next to its code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The English description it was generated from.
    pub description: String,
    /// The model that wrote it.
    pub model: String,
    /// The host of the API it came from (never the key).
    pub base_url_host: String,
    /// When it was saved (RFC 3339, UTC).
    pub created: String,
    /// The version of funcbox's prompt that produced it.
    pub prompt_version: u32,
    /// The sha256 of the saved code.
    pub code_sha256: String,
    /// The examples it passed before it was saved.
    pub examples: Vec<Example>,
    /// The `--allow-host` patterns it was generated with; `run` allows them again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_hosts: Vec<String>,
}

/// A saved function: its name, code and metadata (absent for hand-placed files).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedFunction {
    /// The function's name.
    pub name: String,
    /// Its code.
    pub code: String,
    /// What was recorded when it was generated, if anything readable was.
    pub metadata: Option<Metadata>,
}

/// Longest accepted function name.
pub const MAX_NAME_LEN: usize = 64;

/// The saved functions under one directory.
#[derive(Clone, Debug)]
pub struct Library {
    root: PathBuf,
}

/// JavaScript source found for a name or path, and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionSource {
    /// The module's code.
    pub code: String,
    /// The file it was read from.
    pub path: PathBuf,
}

impl Library {
    /// The library stored in `root` (created on first save).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The directory holding the saved functions.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The file a saved function's code lives in.
    pub fn code_path(&self, name: &str) -> Result<PathBuf, LibraryError> {
        validate_name(name)?;
        Ok(self.root.join(format!("{name}.js")))
    }

    /// The file a saved function's metadata lives in.
    fn metadata_path(&self, name: &str) -> Result<PathBuf, LibraryError> {
        validate_name(name)?;
        Ok(self.root.join(format!("{name}.json")))
    }

    /// Whether a function by this name is saved (its code file is what makes it exist).
    pub fn contains(&self, name: &str) -> Result<bool, LibraryError> {
        Ok(self.code_path(name)?.is_file())
    }

    /// Saves a function; refuses to replace an existing one unless `force`.
    ///
    /// Without `force` the code file is claimed first, atomically: of two processes saving
    /// one name at once, exactly one succeeds and the other gets
    /// [`LibraryError::AlreadyExists`], and the metadata is always the winner's.
    pub fn save(
        &self,
        name: &str,
        code: &str,
        metadata: &Metadata,
        force: bool,
    ) -> Result<PathBuf, LibraryError> {
        let code_path = self.code_path(name)?;
        let metadata_path = self.metadata_path(name)?;
        let json = serde_json::to_vec_pretty(metadata).map_err(|err| LibraryError::Io {
            action: "encoding the metadata of",
            path: metadata_path.clone(),
            source: std::io::Error::other(err),
        })?;
        if force {
            // Both files are on disk before either replaces the old pair, so a full disk
            // leaves the old function whole; metadata goes first, as its code_sha256 tells a
            // crash between the two renames from a finished save.
            atomic::write_all(&[(&metadata_path, &json), (&code_path, code.as_bytes())]).map_err(
                |(path, source)| LibraryError::Io {
                    action: "writing",
                    path: path.to_owned(),
                    source,
                },
            )?;
            return Ok(code_path);
        }
        match atomic::write_new(&code_path, code.as_bytes()) {
            Ok(()) => {}
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(LibraryError::AlreadyExists {
                    name: name.to_owned(),
                });
            }
            Err(source) => {
                return Err(LibraryError::Io {
                    action: "writing",
                    path: code_path,
                    source,
                });
            }
        }
        if let Err(err) = write(&metadata_path, &json) {
            // Without its metadata the claim would be half a save: give the name back.
            let _ = fs::remove_file(&code_path);
            return Err(err);
        }
        Ok(code_path)
    }

    /// A saved function by name.
    pub fn get(&self, name: &str) -> Result<SavedFunction, LibraryError> {
        let code_path = self.code_path(name)?;
        if !code_path.is_file() {
            return Err(LibraryError::NotFound {
                name: name.to_owned(),
            });
        }
        let code = read_source(&code_path)?.code;
        Ok(SavedFunction {
            name: name.to_owned(),
            code,
            metadata: self.metadata(name),
        })
    }

    /// The hosts saved with `target` if it names a saved function; patterns that no longer
    /// parse (a hand-edited file) are dropped, so they are never allowed by mistake.
    pub fn saved_hosts(&self, target: &str) -> Vec<HostPattern> {
        if validate_name(target).is_err() {
            return Vec::new();
        }
        self.metadata(target)
            .map(|meta| {
                meta.allowed_hosts
                    .iter()
                    .filter_map(|pattern| pattern.parse().ok())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Unreadable or missing metadata is not an error: the code alone is a working function.
    fn metadata(&self, name: &str) -> Option<Metadata> {
        let bytes = fs::read(self.metadata_path(name).ok()?).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Every saved function, sorted by name.
    pub fn list(&self) -> Result<Vec<SavedFunction>, LibraryError> {
        let entries = match fs::read_dir(&self.root) {
            Ok(entries) => entries,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(LibraryError::Io {
                    action: "listing",
                    path: self.root.clone(),
                    source,
                });
            }
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let file_name = entry.file_name().into_string().ok()?;
                let name = file_name.strip_suffix(".js")?;
                validate_name(name).ok()?;
                Some(name.to_owned())
            })
            .collect();
        names.sort();
        names.iter().map(|name| self.get(name)).collect()
    }

    /// Deletes a saved function (code first, so it stops existing at once).
    pub fn remove(&self, name: &str) -> Result<(), LibraryError> {
        let code_path = self.code_path(name)?;
        match fs::remove_file(&code_path) {
            Ok(()) => {}
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return Err(LibraryError::NotFound {
                    name: name.to_owned(),
                });
            }
            Err(source) => {
                return Err(LibraryError::Io {
                    action: "removing",
                    path: code_path,
                    source,
                });
            }
        }
        let metadata_path = self.metadata_path(name)?;
        match fs::remove_file(&metadata_path) {
            Err(source) if source.kind() != std::io::ErrorKind::NotFound => Err(LibraryError::Io {
                action: "removing",
                path: metadata_path,
                source,
            }),
            _ => Ok(()),
        }
    }

    /// Finds the code `target` names: an existing file, else a saved function of that name.
    pub fn resolve(&self, target: &str) -> Result<FunctionSource, LibraryError> {
        let as_path = Path::new(target);
        if as_path.is_file() {
            return read_source(as_path);
        }
        let path = match self.code_path(target) {
            Ok(path) => path,
            // Something that looks like a path but is not a file: say it is missing.
            Err(_) if target.contains(['/', '\\']) || target.ends_with(".js") => {
                return Err(LibraryError::NotFound {
                    name: target.to_owned(),
                });
            }
            Err(err) => return Err(err),
        };
        if !path.is_file() {
            return Err(LibraryError::NotFound {
                name: target.to_owned(),
            });
        }
        read_source(&path)
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), LibraryError> {
    atomic::write(path, bytes).map_err(|source| LibraryError::Io {
        action: "writing",
        path: path.to_owned(),
        source,
    })
}

fn read_source(path: &Path) -> Result<FunctionSource, LibraryError> {
    let bytes = fs::read(path).map_err(|source| LibraryError::Io {
        action: "reading",
        path: path.to_owned(),
        source,
    })?;
    let code = String::from_utf8(bytes).map_err(|_| LibraryError::Io {
        action: "reading",
        path: path.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, "the file is not UTF-8"),
    })?;
    Ok(FunctionSource {
        code,
        path: path.to_owned(),
    })
}

/// Accepts names made of ASCII letters, digits, `_` and `-` (not starting with `-`), so a
/// name can never climb out of the library directory or hide as a dotfile.
pub fn validate_name(name: &str) -> Result<(), LibraryError> {
    let invalid = |reason| LibraryError::InvalidName {
        name: name.to_owned(),
        reason,
    };
    if name.is_empty() {
        return Err(invalid("it is empty"));
    }
    if name.len() > MAX_NAME_LEN {
        return Err(invalid("it is longer than 64 characters"));
    }
    if name.starts_with('-') {
        return Err(invalid("it starts with '-'"));
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return Err(invalid("use only letters, digits, '_' and '-'"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_escape_the_library() {
        for bad in [
            "",
            "../etc",
            "a/b",
            "a\\b",
            ".hidden",
            "x.js",
            "-rf",
            "é",
            &"a".repeat(65),
        ] {
            assert!(validate_name(bad).is_err(), "{bad:?} should be refused");
        }
        for good in ["count_vowels", "csv-sum", "A1"] {
            assert!(validate_name(good).is_ok(), "{good:?} should be accepted");
        }
    }

    #[test]
    fn resolve_prefers_files_then_saved_names() {
        let dir = tempfile::tempdir().expect("temp dir");
        let library = Library::new(dir.path().join("lib"));
        fs::create_dir_all(library.root()).expect("library dir");
        fs::write(
            library.root().join("twice.js"),
            "module.exports = s => s + s",
        )
        .expect("write");
        let found = library.resolve("twice").expect("saved function resolves");
        assert!(found.code.contains("s + s"));

        let file = dir.path().join("f.js");
        fs::write(&file, "module.exports = s => s").expect("write");
        let found = library
            .resolve(file.to_str().expect("utf-8 path"))
            .expect("file resolves");
        assert_eq!(found.path, file);

        assert!(matches!(
            library.resolve("missing"),
            Err(LibraryError::NotFound { .. })
        ));
        assert!(matches!(
            library.resolve("nope/x.js"),
            Err(LibraryError::NotFound { .. })
        ));
    }

    fn metadata() -> Metadata {
        Metadata {
            description: "double it".to_owned(),
            model: "m".to_owned(),
            base_url_host: "localhost".to_owned(),
            created: "2026-01-01T00:00:00Z".to_owned(),
            prompt_version: 1,
            code_sha256: "00".to_owned(),
            examples: vec![Example {
                input: "a".to_owned(),
                output: "aa".to_owned(),
            }],
            allowed_hosts: vec!["api.example.com".to_owned(), "not a pattern".to_owned()],
        }
    }

    #[test]
    fn saved_hosts_come_back_and_unparsable_ones_are_dropped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let library = Library::new(dir.path().join("lib"));
        library
            .save("fetcher", "module.exports = s => s", &metadata(), false)
            .expect("saved");
        let hosts: Vec<String> = library
            .saved_hosts("fetcher")
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(hosts, ["api.example.com"]);
        assert!(library.saved_hosts("missing").is_empty());
        assert!(library.saved_hosts("../fetcher").is_empty());
    }

    #[test]
    fn save_list_get_and_remove_round_trip() {
        let dir = tempfile::tempdir().expect("temp dir");
        let library = Library::new(dir.path().join("functions"));
        assert_eq!(library.list().expect("empty list"), Vec::new());
        library
            .save("twice", "module.exports = s => s + s", &metadata(), false)
            .expect("saved");

        let saved = library.get("twice").expect("found");
        assert_eq!(saved.code, "module.exports = s => s + s");
        assert_eq!(saved.metadata, Some(metadata()));
        assert_eq!(library.list().expect("list").len(), 1);

        library.remove("twice").expect("removed");
        assert!(matches!(
            library.get("twice"),
            Err(LibraryError::NotFound { .. })
        ));
        assert!(matches!(
            library.remove("twice"),
            Err(LibraryError::NotFound { .. })
        ));
        let leftovers: Vec<_> = fs::read_dir(library.root()).expect("dir").collect();
        assert!(leftovers.is_empty(), "files left behind: {leftovers:?}");
    }

    #[test]
    fn saving_over_an_existing_function_needs_force() {
        let dir = tempfile::tempdir().expect("temp dir");
        let library = Library::new(dir.path());
        library
            .save("f", "module.exports = () => 1", &metadata(), false)
            .expect("saved");
        let refused = library.save("f", "module.exports = () => 2", &metadata(), false);
        assert!(matches!(refused, Err(LibraryError::AlreadyExists { .. })));
        assert!(library.get("f").expect("still there").code.contains("=> 1"));
        library
            .save("f", "module.exports = () => 2", &metadata(), true)
            .expect("forced");
        assert!(library.get("f").expect("replaced").code.contains("=> 2"));
    }

    #[test]
    fn of_two_concurrent_saves_of_one_name_exactly_one_wins_whole() {
        for round in 0..20 {
            let dir = tempfile::tempdir().expect("temp dir");
            let library = Library::new(dir.path());
            let barrier = std::sync::Barrier::new(2);
            let outcomes: Vec<_> = std::thread::scope(|scope| {
                let racers: Vec<_> = ["first", "second"]
                    .into_iter()
                    .map(|who| {
                        let (library, barrier) = (&library, &barrier);
                        scope.spawn(move || {
                            let metadata = Metadata {
                                description: who.to_owned(),
                                model: "m".to_owned(),
                                base_url_host: "h".to_owned(),
                                created: "now".to_owned(),
                                prompt_version: 2,
                                code_sha256: String::new(),
                                examples: Vec::new(),
                                allowed_hosts: Vec::new(),
                            };
                            barrier.wait();
                            (
                                who,
                                library.save("race", &format!("// {who}\n"), &metadata, false),
                            )
                        })
                    })
                    .collect();
                racers
                    .into_iter()
                    .map(|racer| racer.join().expect("no panic"))
                    .collect()
            });
            let winners: Vec<_> = outcomes
                .iter()
                .filter(|(_, outcome)| outcome.is_ok())
                .collect();
            assert_eq!(winners.len(), 1, "round {round}: {outcomes:?}");
            let loser = outcomes
                .iter()
                .find(|(_, outcome)| outcome.is_err())
                .expect("a loser");
            assert!(
                matches!(loser.1, Err(LibraryError::AlreadyExists { .. })),
                "{loser:?}"
            );
            let winner = winners[0].0;
            let saved = library.get("race").expect("the winner's function");
            assert_eq!(saved.code, format!("// {winner}\n"));
            assert_eq!(saved.metadata.expect("metadata").description, winner);
        }
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn a_name_is_valid_exactly_when_it_is_a_safe_file_stem(name in any::<String>()) {
                let safe = !name.is_empty()
                    && name.len() <= MAX_NAME_LEN
                    && !name.starts_with('-')
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                prop_assert_eq!(validate_name(&name).is_ok(), safe);
            }

            #[test]
            fn a_valid_name_maps_to_a_file_directly_in_the_library(
                name in "[A-Za-z0-9_][A-Za-z0-9_-]{0,63}",
            ) {
                let library = Library::new("/library/root");
                let path = library.code_path(&name).expect("a valid name");
                prop_assert_eq!(path.parent(), Some(Path::new("/library/root")));
                let file = format!("{name}.js");
                prop_assert_eq!(path.file_name().and_then(|f| f.to_str()), Some(file.as_str()));
            }
        }
    }
}
