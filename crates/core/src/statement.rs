use crate::{ActorId, ArticleId, DateWindow, Span};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A name or description in the text and the canonical actor it resolves to, if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The words as written ("a senior administration official", "he", "Peskov").
    pub text: String,
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<ActorId>,
}

/// How the statement is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeechKind {
    /// Quoted words: `"We will meet," he said.`
    Direct,
    /// Reported speech: `He said (that) they would meet.`
    Indirect,
    /// Direct quote embedded in reported speech: `He said they would meet "pretty soon".`
    Mixed,
    /// `according to X`.
    AccordingTo,
    /// A lead-in ending in a colon: `The spokesman told reporters: ...`.
    Colon,
    /// "X declined to comment": a statement without content.
    NoComment,
    /// A position the writer ascribes rather than words reported: a belief,
    /// intention, judgement or finding ("X thinks …", "X wants to …", "X
    /// criticized the budget", "a poll shows …").
    Position,
}

/// Why the literal speaker speaks for someone else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProxyKind {
    /// Named spokesperson or press secretary ("Putin spokesman Dmitry Peskov").
    Spokesperson,
    /// Unnamed official ("a White House official", "senior officials").
    AnonymousOfficial,
    /// An institution standing for its head ("the Kremlin", "the administration").
    Institution,
    /// Someone whose affiliation is known from actors.toml or the text.
    Affiliate,
}

/// How the statement date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// No dating words: the statement is taken to be made on the article date.
    ArticleDate,
    /// A relative expression ("last week", "on Monday") resolved against the article date.
    Relative,
    /// An explicit calendar date in the text ("on Oct. 16").
    Explicit,
    /// Inherited from an earlier sentence ("at the time", a pronoun's antecedent statement).
    Context,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementDate {
    /// Best single day for ordering statements.
    pub date: NaiveDate,
    /// The range of days the dating words allow ("last week" -> Monday..Sunday of last week).
    pub window: DateWindow,
    pub basis: DateBasis,
    /// The dating words, when there are any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// TimeML-style value of the dating expression ("2025-W42", "2025-10-16").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timex_value: Option<String>,
}

/// Words of a statement's content that stand for something named elsewhere in
/// the article: "they" for "Marco Rubio and Sergei Lavrov" named the sentence
/// before, "the two ministers", or "the meeting" and "no dates" for the summit
/// the article is about. Topics read the antecedent's names and event words as
/// if they stood in the content; reports can show what was understood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referent {
    /// The referring words, as written.
    pub text: String,
    /// Where they are in the article body.
    pub span: Span,
    /// Byte offset of the referring words in [`Statement::content`] (which
    /// collapses whitespace, so it is not always `span.start - content_span.start`).
    pub content_offset: usize,
    /// What they stand for, as written ("a summit between President Donald
    /// Trump and Russian President Vladimir Putin").
    pub antecedent: String,
    pub antecedent_span: Span,
}

/// Who said what, when, and for whom. Offsets are byte offsets into the article body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub article_id: ArticleId,
    /// Position among the article's statements, for stable ordering and ids.
    pub index: u32,
    /// The literal speaker as written.
    pub speaker: Mention,
    /// Whom the words count for: the speaker's own actor, or the principal a
    /// proxy speaks for (an anonymous White House official -> Trump administration).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal: Option<ActorId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy: Option<ProxyKind>,
    /// The speaker is not named ("an official", "sources").
    pub anonymous: bool,
    /// The reporting verb or phrase ("said", "according to", "told reporters").
    pub cue: String,
    pub cue_span: Span,
    pub content: String,
    pub content_span: Span,
    pub kind: SpeechKind,
    pub date: StatementDate,
    /// 0..1: how sure the attribution is (speaker and principal).
    pub confidence: f32,
    /// What words of the content refer to (see [`Referent`]), in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub referents: Vec<Referent>,
    /// Index of the statement of the same article this one continues (a quote
    /// sentence after "…,” Pell said."): one occasion, so one tone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continues: Option<u32>,
}

impl Statement {
    /// The actor a comparison should count this statement for.
    pub fn counts_for(&self) -> Option<&ActorId> {
        self.principal.as_ref().or(self.speaker.actor.as_ref())
    }

    /// Stable id: article id plus position.
    pub fn id(&self) -> String {
        format!("{}#{}", self.article_id, self.index)
    }
}
