//! The session without a server: edits in arrival order, checks superseded, declarations'
//! membership as files are opened, closed, created and deleted.

use std::path::Path;

use tower_lsp_server::ls_types::Position;

use super::*;

fn edit(line: u32, from: u32, to: u32, text: &str) -> TextDocumentContentChangeEvent {
    TextDocumentContentChangeEvent {
        range: Some(Range {
            start: Position::new(line, from),
            end: Position::new(line, to),
        }),
        range_length: None,
        text: text.into(),
    }
}

/// Runs the checks the worker would, each applied as it ends, and returns what is then
/// ready to publish: (file name, version, rule codes).
fn work(session: &mut Session) -> Vec<(String, Option<i32>, Vec<String>)> {
    let mut published = Vec::new();
    while let Some(next) = session.next() {
        match next {
            Next::Publish(p) => published.push(p),
            Next::Check(job, cancel) => drop(session.finish(job.run(&cancel))),
        }
    }
    published
        .into_iter()
        .map(|p| {
            let name = p.uri.as_str().rsplit('/').next().unwrap_or("").to_string();
            let codes = p.diagnostics.iter().map(code).collect();
            (name, p.version, codes)
        })
        .collect()
}

fn code(d: &Diagnostic) -> String {
    match &d.code {
        Some(tower_lsp_server::ls_types::NumberOrString::String(code)) => code.clone(),
        _ => String::new(),
    }
}

fn uri_of(path: &Path) -> Uri {
    Uri::from_file_path(path).unwrap()
}

#[test]
fn edits_apply_in_arrival_order_and_queue_the_document_once() {
    let mut session = Session::new();
    let uri: Uri = "file:///tmp/alone/a.privacy".parse().unwrap();
    session.open(&uri, "access\n".into(), 1);
    session.queue(&uri);
    for (version, change) in [(2, edit(0, 6, 6, " # a")), (3, edit(0, 10, 10, "b"))] {
        session.change(&uri, version, vec![change]).unwrap();
        session.queue(&uri);
    }
    // One didChange with several changes: each applies to the text the one before left.
    let refused = session
        .change(
            &uri,
            4,
            vec![
                edit(0, 0, 6, "rights {}"),
                edit(0, 9, 9, "!"),
                edit(7, 0, 1, "x"),
            ],
        )
        .unwrap();
    session.queue(&uri);
    assert_eq!(session.documents[&uri].text, "rights {}! # ab\n");
    assert_eq!(refused.len(), 1, "the edit past the end is refused, alone");
    assert_eq!(session.unpublished.len(), 1);
    let published = work(&mut session);
    assert_eq!(published.len(), 1);
    assert_eq!(published[0].1, Some(4), "tagged with the version checked");
    assert!(published[0].2.contains(&"syntax-error".to_string()));
    let unknown = "file:///tmp/alone/b.privacy".parse().unwrap();
    assert!(session.change(&unknown, 1, Vec::new()).is_err());
}

#[test]
fn a_check_of_an_older_text_is_discarded_and_the_newer_one_published() {
    let mut session = Session::new();
    let uri: Uri = "file:///tmp/alone/a.privacy".parse().unwrap();
    session.open(&uri, "access\n".into(), 1);
    session.queue(&uri);
    let Some(Next::Check(job, cancel)) = session.next() else {
        panic!("an unchecked document is checked first");
    };
    // An edit arrives while the check runs: the check is cancelled, and its result dropped.
    session
        .change(&uri, 2, vec![edit(0, 0, 6, "rights {")])
        .unwrap();
    session.queue(&uri);
    assert!(cancel.is_cancelled());
    drop(session.finish(job.run(&cancel)));
    assert!(session.ready.is_empty());
    assert!(session.documents[&uri].analysis_is_stale());
    let published = work(&mut session);
    assert_eq!(published.len(), 1);
    assert_eq!(published[0].1, Some(2));
    assert!(published[0].2.contains(&"syntax-error".to_string()));
    // Closed: dropped by the worker, and its diagnostics cleared.
    session.changed(&uri);
    let closed = session.documents.remove(&uri);
    session.discard(closed);
    session.queue(&uri);
    assert_eq!(work(&mut session), vec![("a.privacy".into(), None, vec![])]);
    assert_eq!(session.take_superseded().len(), 1);
}

/// A repository whose privlint.toml makes one declaration of `org.privacy` and
/// `systems/*.privacy`; `other.privacy` is outside it.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    std::fs::write(
        root.join("privlint.toml"),
        "[[declarations]]\nname = \"bank\"\nfiles = [\"org.privacy\", \"systems/*.privacy\"]\n",
    )
    .unwrap();
    std::fs::write(
        root.join("org.privacy"),
        "controller bank \"Banken\" {\n  country NO\n}\ncategory contact \"Kontakt\"\n",
    )
    .unwrap();
    std::fs::create_dir(root.join("systems")).unwrap();
    std::fs::write(
        root.join("systems/a.privacy"),
        "purpose a \"A\" {\n  data contact\n}\n",
    )
    .unwrap();
    std::fs::write(root.join("other.privacy"), "access\n").unwrap();
    dir
}

#[test]
fn an_open_file_joins_its_declaration_and_the_last_one_closed_leaves_it() {
    let dir = repository();
    let root = std::path::absolute(dir.path()).unwrap();
    let mut session = Session::new();
    let a = uri_of(&root.join("systems/a.privacy"));
    let text = std::fs::read_to_string(root.join("systems/a.privacy")).unwrap();
    assert!(session.open(&a, text, 1).is_empty());
    session.queue(&a);
    let key = session.group_of(&a).expect("a file of the declaration");
    assert_eq!(key.0, root.join("privlint.toml"));
    assert_eq!(
        session.member_of.get(&root.join("org.privacy")),
        Some(&key),
        "the other files are members too"
    );
    let other = uri_of(&root.join("other.privacy"));
    session.open(&other, "access\n".into(), 1);
    assert!(
        session.group_of(&other).is_none(),
        "a declaration of its own"
    );
    // Checked as one: `contact` is defined in the other file; both files are published.
    let published = work(&mut session);
    let names: Vec<&str> = published.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(names, ["org.privacy", "a.privacy"]);
    assert!(!published[1].2.contains(&"unknown-reference".to_string()));
    // Requests read the last check, laid out over both files.
    let found = session.with_member(&key, &a, Reads::All, |at| {
        at.model_location(&a, at.doc.model.symbols["contact"].span)
    });
    let location = found
        .flatten()
        .expect("the definition is in the other file");
    assert_eq!(location.uri, uri_of(&root.join("org.privacy")));
    // Closing the last open file of the declaration drops it and clears both files.
    let closed = session.documents.remove(&a);
    session.changed(&a);
    session.leave(&key, &a, closed);
    assert!(session.groups.is_empty() && session.member_of.is_empty());
    assert_eq!(
        work(&mut session),
        [
            ("org.privacy".into(), None, vec![]),
            ("a.privacy".into(), None, vec![])
        ]
    );
}

#[test]
fn files_created_and_deleted_join_and_leave_the_declaration_of_an_open_file() {
    let dir = repository();
    let root = std::path::absolute(dir.path()).unwrap();
    let mut session = Session::new();
    let a = uri_of(&root.join("systems/a.privacy"));
    let text = std::fs::read_to_string(root.join("systems/a.privacy")).unwrap();
    session.open(&a, text, 1);
    session.queue(&a);
    work(&mut session);
    let key = session.group_of(&a).unwrap();
    std::fs::write(
        root.join("systems/b.privacy"),
        "purpose b \"B\" {\n  data unknown\n}\n",
    )
    .unwrap();
    std::fs::remove_file(root.join("org.privacy")).unwrap();
    session.file_events = vec![root.join("systems/b.privacy"), root.join("org.privacy")];
    let published = work(&mut session);
    assert_eq!(
        session.groups[&key].paths,
        [
            root.join("systems/a.privacy"),
            root.join("systems/b.privacy")
        ]
    );
    assert_eq!(
        session.member_of.get(&root.join("systems/b.privacy")),
        Some(&key)
    );
    assert!(!session.member_of.contains_key(&root.join("org.privacy")));
    let named = |name: &str| published.iter().find(|p| p.0 == name).cloned();
    assert_eq!(
        named("org.privacy"),
        Some(("org.privacy".into(), None, vec![])),
        "cleared"
    );
    let b = named("b.privacy").expect("the new file is checked with the open one");
    assert!(b.2.contains(&"unknown-reference".to_string()));
}
