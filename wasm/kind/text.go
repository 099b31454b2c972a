package kind

// Text is what the interface says about a kind, Dutch first.
type Text struct {
	NL, EN   string // the name in the legend
	PromptNL string // the asset-based question asked when dropping a pin
	PromptEN string
}

var texts = map[Kind]Text{
	Talent:  {"Talent", "Talent", "Wie kan hier iets?", "Who can do something here?"},
	Verband: {"Verband", "Group", "Welke club of groep komt hier samen?", "Which club or group meets here?"},
	Plek:    {"Plek", "Place", "Welke plek is hier fijn of belangrijk?", "Which place here is good or important?"},
	Verhaal: {"Verhaal", "Story", "Welk verhaal hoort bij deze plek?", "Which story belongs to this place?"},
	Partner: {"Partner", "Partner", "Welke organisatie doet hier mee?", "Which organisation takes part here?"},
}

// Text returns the legend name and prompt of k; the zero Text for an invalid kind.
func (k Kind) Text() Text { return texts[k] }
