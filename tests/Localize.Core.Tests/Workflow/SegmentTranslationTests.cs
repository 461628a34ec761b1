using Localize.Core.Workflow;

namespace Localize.Core.Tests.Workflow;

/// <summary>The segment state machine: each transition is explicit, allowed only from the right states, and recorded.</summary>
public sealed class SegmentTranslationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_segment_goes_through_machine_translation_and_review_to_approval_with_a_record_for_each_step()
    {
        var translation = New();

        var records = new[]
        {
            translation.RecordMachineTranslation("Hola", "apertium", "worker", Now),
            translation.SubmitForReview("worker", Now),
            translation.Approve("Dr. Ruiz", requiredApprovals: 1, Now),
        };

        Assert.Equal(SegmentState.Approved, translation.State);
        Assert.Equal(
            [(SegmentState.New, SegmentState.MachineTranslated), (SegmentState.MachineTranslated, SegmentState.InReview), (SegmentState.InReview, SegmentState.Approved)],
            records.Select(r => (r.From, r.To)));
        Assert.Equal(["worker", "worker", "Dr. Ruiz"], records.Select(r => r.Actor));
    }

    [Fact]
    public void Nothing_is_approved_before_it_is_in_review()
    {
        var translation = New();

        Assert.Throws<InvalidTransitionException>(() => translation.Approve("Dr. Ruiz", 1, Now));
        Assert.Equal(SegmentState.New, translation.State);
    }

    [Fact]
    public void With_a_two_approval_rule_the_same_reviewer_cannot_count_twice()
    {
        var translation = InReview();

        var first = translation.Approve("Dr. Ruiz", requiredApprovals: 2, Now);
        Assert.Equal(SegmentState.InReview, translation.State);
        Assert.Equal("approval 1 of 2", first.Detail);
        Assert.Throws<InvalidTransitionException>(() => translation.Approve("dr. ruiz", 2, Now));

        translation.Approve("Dr. Costa", 2, Now);
        Assert.Equal(SegmentState.Approved, translation.State);
    }

    [Fact]
    public void An_edit_sends_an_approved_target_back_to_review_and_forgets_the_approvals()
    {
        var translation = InReview();
        translation.Approve("Dr. Ruiz", 1, Now);

        var record = translation.Edit("Dr. Costa", "Hola de nuevo", Now);

        Assert.Equal(SegmentState.InReview, translation.State);
        Assert.Equal("Hola de nuevo", translation.Target);
        Assert.Equal("Hola", translation.MachineTarget);
        Assert.Empty(translation.Approvers);
        Assert.Equal(SegmentState.Approved, record.From);
    }

    [Fact]
    public void A_rejection_needs_a_reason()
    {
        var translation = InReview();

        Assert.Throws<InvalidTransitionException>(() => translation.Reject("Dr. Ruiz", "  ", Now));
        translation.Reject("Dr. Ruiz", "dose is wrong", Now);

        Assert.Equal(SegmentState.Rejected, translation.State);
    }

    [Fact]
    public void A_source_change_outdates_the_translation_from_any_state_and_it_is_machine_translated_again()
    {
        var translation = InReview();
        translation.Approve("Dr. Ruiz", 1, Now);

        translation.MarkOutdated("worker", Now);
        translation.RecordMachineTranslation("Hola otra vez", "apertium", "worker", Now);

        Assert.Equal(SegmentState.MachineTranslated, translation.State);
        Assert.Empty(translation.Approvers);
    }

    [Theory]
    [InlineData("machine")]
    [InlineData("exact memory match")]
    [InlineData("hand translation")]
    public void A_fresh_target_after_a_source_change_is_nobodys_edit_so_the_earlier_editor_may_approve_it(string from)
    {
        var translation = InReview();
        translation.Edit("Dr. Costa", "Hola, editado", Now);
        translation.MarkOutdated("worker", Now);

        _ = from switch
        {
            "machine" => translation.RecordMachineTranslation("Hola otra vez", "apertium", "worker", Now),
            "exact memory match" => translation.ApplyExactMemoryMatch("Hola otra vez", "memory unit 7", "worker", Now),
            _ => translation.RequestHumanTranslation("Hello again", "azure", "codes broken", "worker", Now),
        };
        if (translation.State == SegmentState.MachineTranslated)
        {
            translation.SubmitForReview("worker", Now);
        }

        Assert.Null(translation.EditedBy);
        translation.Approve("Dr. Costa", 1, Now);
        Assert.Equal(SegmentState.Approved, translation.State);
    }

    private static SegmentTranslation New() => new(1, 10, "es", SegmentState.New, null, null, null, [], 1);

    private static SegmentTranslation InReview()
    {
        var translation = New();
        translation.RecordMachineTranslation("Hola", "apertium", "worker", Now);
        translation.SubmitForReview("worker", Now);
        return translation;
    }
}
