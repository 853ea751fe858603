//! `generate N`: prints a declaration with N purposes (see the library).

fn main() {
    let purposes = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| {
            eprintln!("usage: generate PURPOSES");
            std::process::exit(2);
        });
    print!("{}", privlint_bench::declaration(purposes));
}
