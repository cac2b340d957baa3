extension Document {
    /// The person the article gave this very title before `offset` ("رئيس حزب القوات اللبنانية سمير جعجع", then
    /// "وأعرب رئيس حزب القوات اللبنانية عن شكره"): a title over a body, written again with no name, stands for that
    /// person, not for the body. `start..<end` is the title as written; titles compare as normalized keys, and only
    /// titles the text gave (not the knowledge base's role history) count.
    func holder(ofTitle start: Int, _ end: Int, before offset: Int) -> EntityRef? {
        let key = ArabicNormalizer.shared.key(string(start, end))
        return roles.last { $0.end <= offset && $0.basis == "text" && ArabicNormalizer.shared.key($0.title) == key }?.person
    }
}
