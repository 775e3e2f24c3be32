using RoViec.Domain.Plans;

namespace RoViec.Domain.Tests.Plans;

public sealed class TaskPairingTests
{
    private static TaskPairing.Item Task(int n, string? code, string name, string? lead = null) => new(new Guid(n, 0, 0, new byte[8]), code, name, lead);

    [Fact]
    public void A_reworded_renumbered_task_continues_its_old_version_and_unlike_work_stays_unpaired()
    {
        var old = new[]
        {
            Task(1, "1", "Xây dựng kế hoạch chuyển đổi số năm 2026 của xã", "ubnd"),
            Task(2, "2", "Tổ chức tập huấn kỹ năng số cho cán bộ, công chức", "vhxh"),
            Task(3, "3", "Rà soát, làm sạch dữ liệu dân cư phục vụ Đề án 06", "cong-an"),
        };
        var @new = new[]
        {
            // Renumbered and reworded: still the training task.
            Task(11, "1", "Tổ chức tập huấn, bồi dưỡng kỹ năng số cho cán bộ, công chức xã", "vhxh"),
            Task(12, "2", "Rà soát, làm sạch dữ liệu dân cư phục vụ Đề án 06", "cong-an"),
            Task(13, "3", "Triển khai nền tảng số thanh toán không dùng tiền mặt tại chợ", "kinh-te"),
        };

        var pairs = TaskPairing.Pairs(old, @new);

        Assert.Equal([(old[1].Id, @new[0].Id), (old[2].Id, @new[1].Id)], pairs.Select(p => (p.OldId, p.NewId)));
        Assert.Equal(1, pairs[1].Score);
    }

    [Fact]
    public void Each_task_is_in_one_pair_at_most_and_the_best_pair_wins()
    {
        var old = new[] { Task(1, null, "Tuyên truyền về chuyển đổi số trên hệ thống loa truyền thanh") };
        var @new = new[]
        {
            Task(11, null, "Tuyên truyền về chuyển đổi số trên loa truyền thanh"),
            Task(12, null, "Tuyên truyền về chuyển đổi số trên hệ thống loa truyền thanh"),
        };

        var pair = Assert.Single(TaskPairing.Pairs(old, @new));

        Assert.Equal(@new[1].Id, pair.NewId);
    }

    [Fact]
    public void The_same_code_alone_does_not_make_two_different_tasks_the_same()
    {
        Assert.Equal(0, TaskPairing.Score(Task(1, "5", "Lắp đặt camera an ninh"), Task(2, "5", "Số hóa hồ sơ hộ tịch")));
        Assert.Empty(TaskPairing.Pairs([Task(1, "5", "Lắp đặt camera an ninh tại các thôn")], [Task(2, "5", "Số hóa toàn bộ hồ sơ hộ tịch của xã")]));
    }
}
