// Strings of the public landing page, kept apart from the staff dictionary so the public entry stays tiny.
export const landingVi = {
  'landing.title': 'DXBoard – Chuyển đổi số',
  'landing.skip': 'Bỏ qua tới nội dung chính',
  'landing.brand': 'DXBoard',
  'landing.switch': 'English',
  'landing.switchLabel': 'Chuyển sang tiếng Anh',
  'landing.staffLogin': 'Cán bộ đăng nhập',
  'landing.eyebrow': 'Chương trình chuyển đổi số cấp tỉnh',
  'landing.headline': 'Chuyển đổi số vì người dân và doanh nghiệp',
  'landing.lead':
    'Theo dõi, đo lường và lan toả chuyển đổi số trên cả ba trụ cột: chính quyền số, kinh tế số và xã hội số. Công khai, minh bạch, dùng tốt trên điện thoại.',
  'landing.pillarsHeading': 'Ba trụ cột',
  'landing.pillarGov': 'Chính quyền số',
  'landing.pillarGovText':
    'Dịch vụ công trực tuyến, văn bản điện tử, chữ ký số, dữ liệu dùng chung giữa các cơ quan.',
  'landing.pillarEco': 'Kinh tế số',
  'landing.pillarEcoText':
    'Thương mại điện tử, thanh toán không dùng tiền mặt, doanh nghiệp và hộ kinh doanh lên nền tảng số.',
  'landing.pillarSoc': 'Xã hội số',
  'landing.pillarSocText':
    'Tổ công nghệ số cộng đồng, kỹ năng số cho người dân, định danh điện tử, an toàn trên mạng.',
  'landing.servicesHeading': 'Dành cho người dân',
  'landing.ranking': 'Xếp hạng chuyển đổi số',
  'landing.rankingText': 'Chỉ số chuyển đổi số của các sở, ngành, địa phương.',
  'landing.contest': 'Cuộc thi',
  'landing.contestText': 'Cuộc thi tìm hiểu về chuyển đổi số, trực tuyến.',
  'landing.feedback': 'Phản ánh kiến nghị',
  'landing.feedbackText': 'Gửi phản ánh, theo dõi xử lý và đánh giá mức độ hài lòng.',
  'landing.community': 'Tìm tổ công nghệ số gần bạn',
  'landing.communityText': 'Tổ công nghệ số cộng đồng ở thôn, tổ dân phố của bạn và cách liên hệ.',
  'landing.soon': 'Sắp ra mắt',
  'landing.staffHeading': 'Cán bộ, công chức',
  'landing.staffText': 'Đăng nhập để cập nhật số liệu, báo cáo tiến độ nhiệm vụ và quản lý đơn vị.',
  'landing.footer': 'DXBoard – phần mềm nguồn mở (giấy phép MIT) phục vụ chuyển đổi số.',
} as const;

export type LandingKey = keyof typeof landingVi;

export const landingEn: { readonly [K in LandingKey]: string } = {
  'landing.title': 'DXBoard – Digital transformation',
  'landing.skip': 'Skip to main content',
  'landing.brand': 'DXBoard',
  'landing.switch': 'Tiếng Việt',
  'landing.switchLabel': 'Switch to Vietnamese',
  'landing.staffLogin': 'Staff sign-in',
  'landing.eyebrow': 'The province’s digital transformation programme',
  'landing.headline': 'Digital transformation for citizens and businesses',
  'landing.lead':
    'Track, measure and spread digital transformation across its three pillars: digital government, digital economy and digital society. Open, transparent, and built for phones.',
  'landing.pillarsHeading': 'Three pillars',
  'landing.pillarGov': 'Digital government',
  'landing.pillarGovText':
    'Online public services, electronic documents, digital signatures, data shared between agencies.',
  'landing.pillarEco': 'Digital economy',
  'landing.pillarEcoText':
    'E-commerce, cashless payments, businesses and household firms on digital platforms.',
  'landing.pillarSoc': 'Digital society',
  'landing.pillarSocText':
    'Community digital technology teams, digital skills for citizens, electronic ID, online safety.',
  'landing.servicesHeading': 'For citizens',
  'landing.ranking': 'Digital transformation rankings',
  'landing.rankingText': 'The digital transformation index of departments and localities.',
  'landing.contest': 'Contest',
  'landing.contestText': 'Online contests about digital transformation.',
  'landing.feedback': 'Citizen feedback',
  'landing.feedbackText': 'Report an issue, follow its handling and rate the answer.',
  'landing.community': 'Find a digital technology team near you',
  'landing.communityText': 'The community digital technology team of your village and how to reach it.',
  'landing.soon': 'Coming soon',
  'landing.staffHeading': 'Officials',
  'landing.staffText': 'Sign in to enter data, report task progress and manage your unit.',
  'landing.footer': 'DXBoard – open-source software (MIT licence) for digital transformation.',
};
