using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Protocols.Referrals;

namespace TriageBot.Dialogs.Tests.Protocols;

public sealed class ReferralPlannerTests
{
    private static IncidentAnswers Answers(Dictionary<string, string>? steps = null, Dictionary<string, string>? results = null) =>
        new(steps ?? [], results ?? []);

    [Fact]
    public void AcutePositiveAsq_CallsEmergencyServicesNow_ThenTheDutyLead()
    {
        var catalog = RepositoryContent.Catalog;
        var answers = Answers(new() { ["means"] = "no" }, new() { ["asq"] = "acute_positive" });
        var level = catalog.Planner.LevelFor("suicidal-thoughts", answers);

        var plan = catalog.Planner.Plan("suicidal-thoughts", level!.Value, answers);

        Assert.Equal(ResponseLevel.EmergencyNow, level);
        Assert.Equal("emergency-services", plan.Referrals[0].Service.Id);
        Assert.Equal(Urgency.Now, plan.Referrals[0].Urgency);
        Assert.Equal("999", plan.Referrals[0].Contact);
        Assert.Contains(plan.Referrals, r => r.Service.Id == "duty-lead" && r.Urgency == Urgency.Now);
        Assert.Contains(plan.Referrals, r => r.Service.Id == "camhs" && r.WhoActs == Actor.DutyLead);
    }

    [Theory]
    [InlineData("suicidal-thoughts", "uk", "CAMHS crisis or NHS 111 (mental health option)")]
    [InlineData("suicidal-thoughts", "us", "988 or your local mobile crisis team")]
    [InlineData("self-harm", "uk", "CAMHS crisis or NHS 111 (mental health option)")]
    [InlineData("self-harm", "us", "988 or your local mobile crisis team")]
    public void NonAcutePositiveAsq_AlwaysRefersForABriefSuicideSafetyAssessmentToday(string protocol, string region, string route)
    {
        var catalog = RepositoryContent.Catalog.ForRegion(region);
        var answers = Answers(new() { ["means"] = "no", ["suicidal"] = "no" }, new() { ["asq"] = "non_acute_positive", ["injury"] = "no_injury" });
        var level = catalog.Planner.LevelFor(protocol, answers);

        var plan = catalog.Planner.Plan(protocol, level!.Value, answers);

        // NIMH: a trained clinician assesses before the student leaves; not "if the duty lead's assessment calls for it".
        var bssa = Assert.Single(plan.Referrals, r => r.Service.Id == "suicide-safety-assessment");
        Assert.Equal(Urgency.Today, bssa.Urgency);
        Assert.Contains(route, bssa.Why, StringComparison.Ordinal);
        Assert.Contains("before the student leaves", bssa.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeAsq_HasNoSafetyAssessmentReferral()
    {
        var answers = Answers(new() { ["means"] = "no", ["judgement"] = "no" }, new() { ["asq"] = "negative" });
        var level = RepositoryContent.Catalog.Planner.LevelFor("suicidal-thoughts", answers);

        var plan = RepositoryContent.Catalog.Planner.Plan("suicidal-thoughts", level!.Value, answers);

        Assert.DoesNotContain(plan.Referrals, r => r.Service.Id == "suicide-safety-assessment");
    }

    [Fact]
    public void NegativeAsq_WithStaffStillWorried_IsRaisedToSameDay()
    {
        var answers = Answers(new() { ["means"] = "no", ["judgement"] = "yes" }, new() { ["asq"] = "negative" });

        Assert.Equal(ResponseLevel.UrgentSameDay, RepositoryContent.Catalog.Planner.LevelFor("suicidal-thoughts", answers));
    }

    [Fact]
    public void AFloorFromTheImmediateDangerQuestion_RaisesTheLevel()
    {
        var answers = Answers(new() { ["often"] = "no" });

        Assert.Equal(ResponseLevel.EmergencyNow, RepositoryContent.Catalog.Planner.LevelFor("panic-anxiety", answers, ResponseLevel.EmergencyNow));
    }

    [Fact]
    public void AbuseDisclosure_InTheUk_TheDslRefersToChildrensSocialCare()
    {
        var plan = RepositoryContent.Catalog.ForRegion("uk").Planner.Plan("abuse-neglect", ResponseLevel.UrgentSameDay, Answers(new() { ["danger"] = "no" }));

        var social = Assert.Single(plan.Referrals, r => r.Service.Id == "children-social-care");
        Assert.Equal(Actor.DutyLead, social.WhoActs);
        Assert.Equal("children's social care (MASH)", social.ServiceName);
    }

    [Fact]
    public void AbuseDisclosure_InTheUs_TheReportingAdultReportsToCps()
    {
        var plan = RepositoryContent.Catalog.ForRegion("us").Planner.Plan("abuse-neglect", ResponseLevel.UrgentSameDay, Answers(new() { ["danger"] = "no" }));

        var cps = Assert.Single(plan.Referrals, r => r.Service.Id == "children-social-care");
        Assert.Equal(Actor.ReportingAdult, cps.WhoActs);
        Assert.Equal(Urgency.Now, cps.Urgency);
        Assert.Equal("child protective services (CPS)", cps.ServiceName);
    }

    [Fact]
    public void AllegationAboutTheHeadTeacher_GoesToTheChairOfGovernors_NotTheHead()
    {
        var plan = RepositoryContent.Catalog.Planner.Plan("staff-allegation", ResponseLevel.UrgentSameDay, Answers(new() { ["danger"] = "no", ["who"] = "head_teacher" }));

        Assert.Contains(plan.Referrals, r => r.Service.Id == "governance-lead");
        Assert.DoesNotContain(plan.Referrals, r => r.Service.Id == "head-teacher");
        Assert.Contains(plan.Referrals, r => r.Service.Id == "lado" && r.WhoActs == Actor.GovernanceLead && r.Urgency == Urgency.Within24Hours);
        Assert.DoesNotContain(plan.Referrals, r => r.WhoActs == Actor.HeadTeacher);
    }

    [Fact]
    public void AllegationAboutTheDutyLead_GoesToTheHeadTeacher_AndNeverToTheDutyLead()
    {
        var plan = RepositoryContent.Catalog.Planner.Plan("staff-allegation", ResponseLevel.UrgentSameDay, Answers(new() { ["danger"] = "no", ["harmed"] = "no", ["who"] = "duty_lead" }));

        Assert.Contains(plan.Referrals, r => r.Service.Id == "head-teacher" && r.Urgency == Urgency.Now);
        Assert.DoesNotContain(plan.Referrals, r => r.Service.Id == "duty-lead" || r.WhoActs == Actor.DutyLead);
    }

    [Fact]
    public void AllegationAboutAnotherMemberOfStaff_TellsTheHeadAndTheDutyLead_AndSocialCareWhenAChildIsHarmed()
    {
        var plan = RepositoryContent.Catalog.Planner.Plan("staff-allegation", ResponseLevel.UrgentSameDay, Answers(new() { ["danger"] = "no", ["harmed"] = "yes", ["who"] = "someone_else" }));

        Assert.Contains(plan.Referrals, r => r.Service.Id == "head-teacher");
        Assert.Contains(plan.Referrals, r => r.Service.Id == "duty-lead" && r.WhoActs == Actor.ReportingAdult);
        Assert.Contains(plan.Referrals, r => r.Service.Id == "children-social-care" && r.Urgency == Urgency.Today);
    }

    [Fact]
    public void AllegationAboutStaff_InTheUs_TheReportingAdultReportsToCps_NotTheDistrictOffice()
    {
        var plan = RepositoryContent.Catalog.ForRegion("us").Planner.Plan("staff-allegation", ResponseLevel.UrgentSameDay, Answers(new() { ["danger"] = "no", ["harmed"] = "no", ["who"] = "someone_else" }));

        var cps = Assert.Single(plan.Referrals, r => r.Service.Id == "children-social-care");
        Assert.Equal(Actor.ReportingAdult, cps.WhoActs);
        Assert.Equal(Urgency.Now, cps.Urgency);
        Assert.Equal("child protective services (CPS)", cps.ServiceName);
        Assert.DoesNotContain(plan.Referrals, r => r.Service.Id == "lado");
    }

    [Fact]
    public void Fgm_InTheUk_TheTeacherReportsToThePoliceThemselves()
    {
        var plan = RepositoryContent.Catalog.Planner.Plan("abuse-neglect", ResponseLevel.UrgentSameDay, Answers(new() { ["staff-involved"] = "no", ["danger"] = "no", ["fgm"] = "yes" }));

        var police = Assert.Single(plan.Referrals, r => r.Service.Id == "police");
        Assert.Equal(Actor.ReportingAdult, police.WhoActs);
        Assert.Contains("101", police.Why, StringComparison.Ordinal);
        Assert.Contains("FGM Act 2003 section 5B", police.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes", "sexual")]
    [InlineData("no", "none")]
    public void OnlineHarm_WithAnAdultAnUnder13OrCoercion_GoesToThePoliceNow(string images, string kind)
    {
        var answers = Answers(new() { ["danger"] = "no", ["images"] = images, ["police-now"] = "yes", ["kind"] = kind });
        var level = RepositoryContent.Catalog.Planner.LevelFor("online-harm", answers);

        var plan = RepositoryContent.Catalog.Planner.Plan("online-harm", level!.Value, answers);

        Assert.Equal(ResponseLevel.UrgentSameDay, level);
        var police = Assert.Single(plan.Referrals, r => r.Service.Id == "police");
        Assert.Equal(Urgency.Now, police.Urgency);
        Assert.Contains("UKCIS", police.Why, StringComparison.Ordinal);
        Assert.Equal(Urgency.Now, Assert.Single(plan.Referrals, r => r.Service.Id == "children-social-care").Urgency);
    }

    [Fact]
    public void ImmediateDangerAtAnyPoint_AlwaysRefersToTheEmergencyServicesFirst()
    {
        // Panic attack: no rule of its own calls 999 when the student is breathing normally.
        var answers = Answers(new() { ["medical"] = "no" }) with { ImmediateDanger = true };

        var plan = RepositoryContent.Catalog.Planner.Plan("panic-anxiety", ResponseLevel.EmergencyNow, answers);

        var first = plan.Referrals[0];
        Assert.Equal("emergency-services", first.Service.Id);
        Assert.Equal(Urgency.Now, first.Urgency);
        Assert.Equal(Actor.ReportingAdult, first.WhoActs);
        Assert.Contains("Call 999", first.Why, StringComparison.Ordinal);
        Assert.Single(plan.Referrals, r => r.Service.Id == "emergency-services");
    }

    [Fact]
    public void WithoutImmediateDanger_NoEmergencyReferralIsAdded()
    {
        var plan = RepositoryContent.Catalog.Planner.Plan("panic-anxiety", ResponseLevel.UniversalSupport, Answers(new() { ["medical"] = "no" }));

        Assert.DoesNotContain(plan.Referrals, r => r.Service.Id == "emergency-services");
    }

    [Fact]
    public void Referrals_AreMostUrgentFirst_OnePerService()
    {
        var plan = RepositoryContent.Catalog.Planner.Plan(
            "self-harm",
            ResponseLevel.EmergencyNow,
            Answers(new() { ["suicidal"] = "yes" }, new() { ["injury"] = "emergency", ["asq"] = "acute_positive" }));

        Assert.Equal(plan.Referrals.OrderBy(r => r.Urgency).Select(r => r.Service.Id), plan.Referrals.Select(r => r.Service.Id));
        Assert.Equal(plan.Referrals.Count, plan.Referrals.Select(r => r.Service.Id).Distinct().Count());
    }

    [Fact]
    public void TierMapping_IsEmergencyAndUrgentIntensive()
    {
        Assert.Equal(SupportTier.Intensive, ResponseLevels.TierOf(ResponseLevel.EmergencyNow));
        Assert.Equal(SupportTier.Intensive, ResponseLevels.TierOf(ResponseLevel.UrgentSameDay));
        Assert.Equal(SupportTier.Targeted, ResponseLevels.TierOf(ResponseLevel.TargetedSupport));
        Assert.Equal(SupportTier.Universal, ResponseLevels.TierOf(ResponseLevel.UniversalSupport));
    }
}
