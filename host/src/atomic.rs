//! Writing files atomically: a temporary file in the same directory, flushed, then renamed
//! over the target, so a reader (or a crash) never sees half a file.

use std::{io::Write, path::Path};

/// Writes `bytes` to `path` atomically, creating the parent directory if needed.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    prepared(path, bytes)?
        .persist(path)
        .map_err(|err| err.error)?;
    Ok(())
}

/// Like [`write`], but fails with [`std::io::ErrorKind::AlreadyExists`] if `path` exists, even
/// when another process creates it at the same moment: the file is linked into place, which
/// the file system does atomically or not at all.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    prepared(path, bytes)?
        .persist_noclobber(path)
        .map_err(|err| err.error)?;
    Ok(())
}

/// Writes every `(path, bytes)` pair atomically, and so that a failure while writing any of
/// them (a full disk) replaces none: all are written to temporary files first, then renamed
/// into place in order. Returns the path whose write failed with the error.
pub fn write_all<'a>(files: &[(&'a Path, &[u8])]) -> Result<(), (&'a Path, std::io::Error)> {
    let mut ready = Vec::with_capacity(files.len());
    for &(path, bytes) in files {
        ready.push((path, prepared(path, bytes).map_err(|err| (path, err))?));
    }
    for (path, file) in ready {
        file.persist(path).map_err(|err| (path, err.error))?;
    }
    Ok(())
}

/// A flushed temporary file holding `bytes`, in `path`'s directory.
fn prepared(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    Ok(file)
}
