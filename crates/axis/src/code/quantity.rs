//! probe
#[cfg(test)]
mod tests {
    use crate::dict::Dictionary;
    use crate::text::Document;
    use crate::when::Date;
    #[test]
    fn probe() {
        let dict = Dictionary::builtin().unwrap();
        for s in [
            "Bilateral trade between China and Russia surged by 27% last year, reaching $107 billion.",
            "Russia's central bank moved 14.7% of its currency reserves into the Chinese yuan.",
            "Beijing sent 3,000 Chinese troops to the border.",
            "The Russian Far East has only 8 million people.",
            "Hundreds of protesters gathered in Moscow on Sept. 12 in 1956, in the 1950s, $5m, €2.5 billion, 1.2 trillion yuan, US$3 and 2000 troops and 10:30 am.",
        ] {
            let doc = Document::new("t", s, Date::new(2019, 2, 2));
            let sm = crate::mention::mentions(&dict, &doc);
            let toks = doc.sentence_tokens(&doc.sentences()[0]);
            let t: Vec<_> = toks.iter().map(|t| format!("{}:{:?}", doc.slice(t.span), t.kind)).collect();
            println!("{t:?}");
            for m in &sm[0].mentions { println!("  {:?} {:?} {} {}", doc.slice(m.span), m.tokens, m.code, m.actor); }
            for e in &sm[0].dates.exprs { println!("  expr {:?} {:?} {}", doc.slice(e.span), e.tokens, e.interval); }
            for c in &sm[0].dates.clauses { println!("  clause {:?} {:?}", c.tokens, c.date.map(|d| d.interval.to_string())); }
        }
    }
}
