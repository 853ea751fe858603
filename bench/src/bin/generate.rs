//! `generate N`: prints a declaration with N purposes (see the library).
//! `generate --files F N DIR`: writes the same declaration of F × N purposes in F + 1 files
//! under DIR (organisation.privacy and systems/system_NNN.privacy, N purposes each) with a
//! privlint.toml grouping them into one `[[declarations]]` entry.

fn usage() -> ! {
    eprintln!("usage: generate PURPOSES | generate --files FILES PURPOSES DIR");
    std::process::exit(2);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize| -> usize {
        args.get(i)
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| usage())
    };
    if args.first().map(String::as_str) == Some("--files") {
        let (files, purposes) = (number(1), number(2));
        let dir = std::path::PathBuf::from(args.get(3).unwrap_or_else(|| usage()));
        std::fs::create_dir_all(dir.join("systems")).expect("create the directory");
        std::fs::write(
            dir.join("privlint.toml"),
            "[[declarations]]\nname = \"generated\"\nfiles = [\"organisation.privacy\", \"systems/*.privacy\"]\n",
        )
        .expect("write privlint.toml");
        for (path, text) in privlint_bench::declaration_files(files, purposes) {
            std::fs::write(dir.join(path), text).expect("write a file");
        }
        return;
    }
    print!("{}", privlint_bench::declaration(number(0)));
}
