import { Card, Text, Title } from '@mantine/core';

/** The leader/secretariat DX dashboard (grows into the full view; home page renders it). */
export function DxDashboard(props: { unitId?: number; withFilters?: boolean }) {
  void props;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="dx-dashboard-heading">
      <Title order={2} size="h4" id="dx-dashboard-heading">
        Bảng điều hành chuyển đổi số
      </Title>
      <Text size="sm" c="gray.7">
        Đang tải số liệu…
      </Text>
    </Card>
  );
}
