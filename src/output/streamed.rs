//! Files written piece by piece into the staging folder, for pages too large to hold whole
//! in memory first (the index of a 10,000-posting site is 10 MB).

use std::io::{BufWriter, Write};
use std::path::Path;

use super::Staging;

impl Staging {
    /// Writes one output file whose bytes `fill` produces in pieces, through a buffer;
    /// `relative` must stay inside the output folder.
    pub fn write_with(
        &self,
        relative: &Path,
        fill: &mut crate::output::Fill,
    ) -> Result<(), String> {
        let path = self.place(relative)?;
        self.record(relative);
        let file = std::fs::File::create(&path)
            .map_err(|e| format!("cannot write {}: {e}", relative.display()))?;
        let mut writer = BufWriter::with_capacity(256 * 1024, file);
        fill(&mut writer)
            .and_then(|()| writer.flush())
            .map_err(|e| format!("cannot write {}: {e}", relative.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_file_has_every_piece_and_stays_confined() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let staging = Staging::create(&tmp.path().join("public")).expect("staging");
        staging
            .write_with(Path::new("a/index.html"), &mut |w| {
                (0..3).try_for_each(|i| write!(w, "part {i};"))
            })
            .expect("write");
        let text = std::fs::read_to_string(staging.dir().join("a/index.html")).expect("read");
        assert_eq!(text, "part 0;part 1;part 2;");
        let escape = staging.write_with(Path::new("../x"), &mut |_| Ok(()));
        assert!(escape.is_err_and(|e| e.contains("would leave the output folder")));
        assert!(!tmp.path().join("x").exists());
    }
}
