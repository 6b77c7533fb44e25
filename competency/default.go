package competency

// Default returns the ready model: the three competencies of a
// business-to-business funnel from the first conversation with a prospect
// to the won deal, each peeled into elements, scenarios and routines. The
// stages are "conversation", "appointment", "gateway" and "close"; map your
// CRM's stages onto them, or copy the model, edit it, and save it with
// [Marshal].
//
// The shape (competencies peeled into elements, scenarios and routines) is
// that of "The Difference Between Sales Leaders and Sales Managers", which
// names creating new opportunities as its example of the most important
// competency. The rest of what follows, the figures, the other two
// competencies, the elements and the scenarios, comes from outside material
// on core competencies, not from the article:
//
//   - [NewOpportunitiesID], Creating new opportunities: conversation →
//     appointment. H. Baldwin's "Boost Your Conversation-to-Appointment
//     Ratio" (Selling Power) quotes Jeff Hardesty calling the
//     conversation-to-appointment ratio the #1 sales competency: too few
//     first appointments starve the whole funnel, and national averages
//     run from only 4% to 18%. Its elements follow the method for the call
//     described there: learn the prospect's internal business challenge
//     before dialling, talk to the executive who owns it, and hold a
//     business conversation rather than a product pitch.
//   - [GatewayID], Advancing the first appointment: appointment → gateway.
//     Hardesty's second key indicator, in his writing on core competencies
//     (see the package References): how often the first appointment advances
//     to the next phase, the first gateway, whether that is a
//     demonstration, a site visit, a survey or a proposal. Its scenarios
//     include "All the King's Men" (not every decision maker has been
//     identified), also from outside material on core competencies; the
//     article does not mention it.
//   - [CloseID], Gaining the new customer: gateway → close. How often a
//     new customer is won once the first gateway is passed.
//
// The routines are this library's own starting points in plain language,
// written to be rehearsed in role play and observed in the field; a team
// replaces them with its own. No scenario carries a Target: set them from
// your own counts. Each call returns a new Model, which the caller may
// modify.
func Default() Model {
	return Model{Competencies: []Competency{
		{
			ID:   NewOpportunitiesID,
			Name: "Creating new opportunities",
			From: "conversation",
			To:   "appointment",
			Elements: []Element{
				{
					Name: "Preparing the call",
					Scenarios: []Scenario{
						{
							Name: "No business reason to call",
							Routines: []Routine{{
								Name: "Find the internal business challenge",
								Steps: []string{
									"Read the prospect's recent news, reports and job postings",
									"Name one business challenge that runs parallel to your offering",
									"Write one sentence linking that challenge to a result you have delivered for a similar company",
								},
							}},
						},
						{
							Name: "Calling below the decision level",
							Routines: []Routine{{
								Name: "Start with the executive who owns the challenge",
								Steps: []string{
									"Identify the executive accountable for the challenge",
									"Call that executive first and let them refer you down if they choose",
									"Use the referring executive's name when you call the person they named",
								},
							}},
						},
					},
				},
				{
					Name: "Opening the conversation",
					Scenarios: []Scenario{
						{
							Name: "The rep talks about the company, not the prospect",
							Routines: []Routine{{
								Name: "Lead with their business",
								Steps: []string{
									"Open with the business challenge, not your company history or product",
									"Ask how they handle it today",
									"Listen, then summarise what you heard in their words",
								},
							}},
						},
						{
							Name: "A gatekeeper screens the call",
							Routines: []Routine{{
								Name: "Enlist the gatekeeper",
								Steps: []string{
									"Give your full name and your reason for calling in one sentence",
									"Ask for help reaching the person who owns the challenge",
									"Ask when that person is usually at their desk, and call then",
								},
							}},
						},
					},
				},
				{
					Name: "Asking for the appointment",
					Scenarios: []Scenario{
						{
							Name: "\"We're happy with what we have\"",
							Routines: []Routine{{
								Name: "Acknowledge and offer a comparison",
								Steps: []string{
									"Agree that most of your customers were satisfied before they met you",
									"Name one measurable result a similar company gained",
									"Ask for a short meeting to compare, and propose two times",
								},
							}},
						},
						{
							Name: "\"Just send me some information\"",
							Routines: []Routine{{
								Name: "Turn the brush-off into a meeting",
								Steps: []string{
									"Agree, and ask what they would want the information to show",
									"Offer to walk them through it so it takes less of their time",
									"Propose two specific times and confirm one before you hang up",
								},
							}},
						},
					},
				},
			},
		},
		{
			ID:   GatewayID,
			Name: "Advancing the first appointment",
			From: "appointment",
			To:   "gateway",
			Elements: []Element{
				{
					Name: "Discovery",
					Scenarios: []Scenario{
						{
							Name: "All the King's Men: not every decision maker identified",
							Routines: []Routine{{
								Name: "Map the buying group",
								Steps: []string{
									"Ask who else will be affected by the decision and who will take part in it",
									"Ask how the last decision of this size was made, and by whom",
									"Ask to bring each of them into the next step",
								},
							}},
						},
						{
							Name: "The challenge has no measured cost",
							Routines: []Routine{{
								Name: "Quantify the challenge",
								Steps: []string{
									"Ask what the challenge costs them each month",
									"Ask what happens if nothing changes this year",
									"Write the figure down and confirm it with the prospect",
								},
							}},
						},
					},
				},
				{
					Name: "Securing the gateway",
					Scenarios: []Scenario{
						{
							Name: "The meeting ends without a next step",
							Routines: []Routine{{
								Name: "Book the gateway before you leave",
								Steps: []string{
									"Propose the gateway that fits: a demonstration, a site visit, a survey or a proposal",
									"Agree its date, who attends and what must be ready by then",
									"Send a written summary of the agreement the same day",
								},
							}},
						},
						{
							Name: "The prospect asks for a proposal before discovery",
							Routines: []Routine{{
								Name: "Earn the proposal",
								Steps: []string{
									"Explain that a proposal without their numbers would be a guess",
									"Ask for the three facts the proposal needs",
									"Offer a survey or site visit to gather them",
								},
							}},
						},
					},
				},
			},
		},
		{
			ID:   CloseID,
			Name: "Gaining the new customer",
			From: "gateway",
			To:   "close",
			Elements: []Element{
				{
					Name: "Presenting the solution",
					Scenarios: []Scenario{
						{
							Name: "Presenting to one person when several decide",
							Routines: []Routine{{
								Name: "Present to the buying group",
								Steps: []string{
									"Confirm who will decide before the presentation",
									"Ask the contact to invite everyone who decides",
									"If they cannot attend, schedule a second presentation rather than leave it to your contact",
								},
							}},
						},
						{
							Name: "The price objection",
							Routines: []Routine{{
								Name: "Return to the measured value",
								Steps: []string{
									"Restate the monthly cost of the challenge they confirmed in discovery",
									"Compare the price with that cost over the contract term",
									"Ask which part of the value they doubt",
								},
							}},
						},
					},
				},
				{
					Name: "Gaining the commitment",
					Scenarios: []Scenario{
						{
							Name: "\"We need to think about it\"",
							Routines: []Routine{{
								Name: "Find the real concern",
								Steps: []string{
									"Ask what, specifically, they need to think over",
									"Answer that concern, or agree what will answer it and by when",
									"Ask for the decision, or a dated next step",
								},
							}},
						},
						{
							Name: "A competitor is in the deal",
							Routines: []Routine{{
								Name: "Compete on their criteria",
								Steps: []string{
									"Ask how they will compare the options",
									"Show, criterion by criterion, where you meet their needs",
									"Offer a reference customer who made the same choice",
								},
							}},
						},
					},
				},
			},
		},
	}}
}
