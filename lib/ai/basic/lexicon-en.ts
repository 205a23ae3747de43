// The English lexicon of the basic analyser (see lexicon.ts for how phrases match). Built from the
// labelled set's dev split and general sales vocabulary only — never from the test split.
import type { Lexicon } from "./lexicon";

export const EN: Lexicon = {
  negators: ["not", "no", "never", "without", "hardly"],
  objections: {
    price: [
      "out of our league", "kind of money", "lowering the price", "budgets were cut", "cut","expensive", "pricey", "price", "cost", "budget", "discount", "cheaper", "afford", "too much", "half the price", "monthly fee", "overpriced"],
    timing: [
      "on hold", "until spring", "spring", "summer", "autumn", "winter", "too early", "closer to", "come back to", "not rush", "need some time", "think it over", "couple of weeks", "in january", "in february", "in march", "in may", "in june", "in july", "in august", "in september", "in october", "in november", "in december",
      "timing*", "not now", "later", "next quarter", "next year", "next month", "revisit", "follow up after", "not ready", "after the holidays", "think about it", "call me back in",
      "in a month", "talk again", "lot on our plate", "in april",
    ],
    competitor: [
      "signed with", "another company", "similar solution", "current supplier", "supplier", "same thing",
      "competitor", "another vendor", "other vendor", "already use", "already using", "current provider", "evaluating", "also looking at",
      "hubspot*", "pipedrive*", "salesforce*", "zoho*", "monday.com*",
    ],
    trust: [
      "trusted", "still be around", "worries", "existing clients", "before committing","never heard", "references", "case studies", "guarantee", "guarantees", "worried", "hesitant", "not sure", "trust", "risky", "reviews", "reliable", "who else", "too small", "doubt"],
    need: [
      "why we would need", "fine as we are", "not planning to change", "no reason to change", "by hand", "not a problem we have","not need", "no need", "no real need", "don't see the point", "not see the point", "not relevant", "work fine", "works fine", "spreadsheets", "not a priority", "nice to have"],
    authority: [
      "partners*", "discuss it with", "owner", "final say", "approved by", "make these decisions",
      "not my call", "run it by", "my boss", "board approval", "board", "decision is", "final decision", "cfo", "ceo", "procurement", "approve", "approval", "management*", "sign this myself",
    ],
    other: [
      "language support", "won't work for", "not support", "critical", "payment terms","not integrate", "doesn't integrate", "deal breaker", "legal team", "lawyer", "security policy", "on-premise", "on premise", "missing", "lacks", "data processing terms"],
  },
  dismissals: ["reasonable", "not bother", "ruled out", "not a problem", "no problem", "not against", "not worried", "what matters"],
  intents: {
    purchase: [
      "take it", "decided to purchase", "more licences", "start",
      "buy", "purchase", "order", "invoice", "sign", "contract", "proposal", "quote", "licence", "license", "seats", "deposit", "payment details", "plan for", "pilot", "ready to", "roll it out",
    ],
    support: [
      "won't open", "will not open", "keeps loading", "where do i", "can not see", "can not find", "configure", "how do we", "not updated", "be fixed", "forgot", "fails",
      "can not log in", "unable to", "error", "help", "how do i", "how can i", "where in", "set up", "setup", "not working", "stopped", "freezes", "reset", "password", "access", "fixed it",
      "any tips", "restore", "not loaded", "has loaded", "greyed out", "not save",
    ],
    complaint: [
      "never showed up", "waited", "fed up", "let us down", "legal action", "a joke", "trying to get through", "claim", "awful", "nothing works",
      "complaint", "complain", "unacceptable", "refund", "money back", "disappointed", "ridiculous", "terrible", "cancel the contract", "rude", "charged us twice", "nobody", "waiting",
      "promised", "again", "is silent", "arrived broken", "expect this to be addressed", "not how you treat", "second time", "third time", "times this month",
    ],
    info: [
      "which", "how often", "i'd like to know", "what hours", "do you run", "do you hold", "can the", "could you explain", "could you confirm", "compatible",
      "what plans", "do you offer", "do you have", "do you support", "do you work", "whether you", "is it possible", "tell me more", "interested in", "documentation", "free trial", "opening hours",
      "where are your", "could you tell me", "recording",
    ],
    other: [
      "voicemail", "driving", "attached", "moving the meeting", "i'll tell", "nice weekend", "good evening", "newsletter", "get back to you", "changed our",
      "out of office", "wrong number", "call you back", "call back", "happy new year", "congratulations", "reminder", "invited", "forwarding", "in a meeting", "hello", "advertising", "got it",
    ],
  },
  strongComplaint: ["complaint", "complain", "unacceptable", "refund", "money back", "cancel the contract", "ridiculous"],
  positive: [
      "reasonable", "nice", "solved",
    "thanks", "thank", "great", "good", "excellent", "perfect", "wonderful", "useful", "helpful*", "happy", "glad", "love", "works*", "fixed", "congratulations", "success", "happy new year", "ready to", "like to buy",
  ],
  negative: [
      "awful", "fed up", "joke", "let us down", "worries", "never showed", "legal action", "critical", "won't open",
    "bad", "terrible", "awful", "disappointed", "unacceptable", "ridiculous", "problem", "error", "broken", "freezes", "not working", "never arrives", "can not log in", "unable to", "gone",
    "behind schedule", "rude", "unfortunately", "worried", "expensive", "complaint", "refund", "nobody", "waiting", "silent", "charged us twice", "deal breaker", "wrong", "down", "stopped", "cancel the contract",
  ],
  sarcasm: [
      "thanks a million", "brilliant job","oh great", "oh sure", "yeah right", "thanks a lot", "service really"],
};
